package org.openbudget.web.api;

import java.util.List;

import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.forms.FieldProblem;
import org.openbudget.web.service.FormInvalidException;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal as JSON with a Chinese message; never a stack trace. */
@RestControllerAdvice(basePackages = "org.openbudget.web.api")
public class ApiErrors {
    @ExceptionHandler(FormInvalidException.class)
    ResponseEntity<FormErrorDto> invalidForm(FormInvalidException e) {
        return ResponseEntity.badRequest().body(new FormErrorDto(e.getMessage(), e.fieldProblems()));
    }

    /** A form refused: every problem at its form field. */
    public record FormErrorDto(String error, List<FieldProblem> problems) {}

    @ExceptionHandler(InvalidDatasetException.class)
    ResponseEntity<Dtos.ErrorDto> invalid(InvalidDatasetException e) {
        return ResponseEntity.badRequest().body(new Dtos.ErrorDto(e.getMessage(), e.problems()));
    }

    /** A file refused by a reader (issue 16) that reached the API without being mapped: 422 with every problem located. */
    @ExceptionHandler(org.openbudget.io.InputException.class)
    ResponseEntity<Dtos.ErrorDto> input(org.openbudget.io.InputException e) {
        return ResponseEntity.unprocessableEntity().body(new Dtos.ErrorDto("文件有 " + e.total() + " 处错误 (the file was refused)", e.problems()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Dtos.ErrorDto> conflict(ConflictException e) { return of(HttpStatus.CONFLICT, e.getMessage()); }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Dtos.ErrorDto> rule(RuleViolation e) { return of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage()); }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Dtos.ErrorDto> notFound(NotFoundException e) { return of(HttpStatus.NOT_FOUND, e.getMessage()); }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Dtos.ErrorDto> denied(AccessDeniedException e) { return of(HttpStatus.FORBIDDEN, e.getMessage()); }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ResponseEntity<Dtos.ErrorDto> bad(Exception e) { return of(HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage()); }

    @ExceptionHandler(org.openbudget.web.limits.CheckThrottle.Refused.class)
    ResponseEntity<Dtos.ErrorDto> throttled(org.openbudget.web.limits.CheckThrottle.Refused e) {
        return ResponseEntity.status(e.status()).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(new Dtos.ErrorDto(e.getMessage(), List.of()));
    }

    static ResponseEntity<Dtos.ErrorDto> of(HttpStatus s, String message) {
        return ResponseEntity.status(s).body(new Dtos.ErrorDto(message, List.of()));
    }
}
