package org.openbudget.web.service;

/** The action is not allowed in this state (an error blocks submission, a warning needs a comment …). */
public class RuleViolation extends RuntimeException {
    public RuleViolation(String message) { super(message); }
}
