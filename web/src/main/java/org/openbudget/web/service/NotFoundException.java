package org.openbudget.web.service;

public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) { super(message); }
}
