package org.openbudget.web.pages;

import java.util.List;

import org.openbudget.web.db.repositories.ConflictException;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every page knows who is logged in; refusals become a Chinese message, never a stack trace. */
@ControllerAdvice(basePackages = "org.openbudget.web.pages")
public class PageSupport {

    @ModelAttribute("me")
    public BudgetUser me() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof BudgetUser u ? u : null;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.service.NotificationService notifications;

    /** The header's count of the logged-in reader's unread notifications (0 for the public: no query). */
    @ModelAttribute("unread")
    public long unread() {
        BudgetUser u = me();
        return u == null || notifications == null ? 0 : notifications.unread(u);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(NotFoundException e, Model m) {
        m.addAttribute("me", me());
        m.addAttribute("status", 404);
        m.addAttribute("message", e.getMessage());
        return "message";
    }

    /** A refusal of a GET (a blank workbook for a year without classifications …): the reason on a page, not an error. */
    @ExceptionHandler(RuleViolation.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    public String refused(RuleViolation e, Model m) {
        m.addAttribute("me", me());
        m.addAttribute("status", 422);
        m.addAttribute("message", e.getMessage());
        return "message";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String denied(AccessDeniedException e, Model m) {
        m.addAttribute("me", me());
        m.addAttribute("status", 403);
        m.addAttribute("message", e.getMessage());
        return "message";
    }

    /** Runs an action and tells the outcome on the page it redirects to. */
    static void attempt(RedirectAttributes ra, String okMessage, Runnable action) {
        try {
            action.run();
            ra.addFlashAttribute("ok", okMessage);
        } catch (InvalidDatasetException e) {
            ra.addFlashAttribute("error", e.getMessage());
            ra.addFlashAttribute("problems", lines(e));
        } catch (RuleViolation | ConflictException e) {
            ra.addFlashAttribute("error", e.getMessage());
        }
    }

    private static final UserText TEXT = new UserText();

    /** Each problem as a line a user reads (in words: {@link UserText}). */
    static List<String> lines(InvalidDatasetException e) {
        return e.problems().stream().map(TEXT::problem).toList();
    }
}
