package org.openbudget.web.db.repositories;

/** Someone else changed the record since it was read: the write is refused, nothing is lost. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) { super(message); }
}
