package org.openbudget.web.pages;

import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.SetupService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** 初始设置: the first administrator, on a database that has none, from the server's own machine. */
@Controller
public class SetupPages {
    private final SetupService setup;

    public SetupPages(SetupService setup) {
        this.setup = setup;
    }

    @GetMapping("/setup")
    public String page(HttpServletRequest req, Model m) {
        m.addAttribute("needed", setup.needed());
        m.addAttribute("local", SetupService.local(req.getRemoteAddr()));
        m.addAttribute("rules", org.openbudget.web.security.PasswordRules.TEXT);
        return "setup";
    }

    @PostMapping("/setup")
    public String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                         @RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
                         HttpServletRequest req, RedirectAttributes ra) {
        if (!setup.needed()) return "redirect:/setup";
        if (!SetupService.local(req.getRemoteAddr())) {
            ra.addFlashAttribute("error", "只能在服务器本机完成初始设置。");
            return "redirect:/setup";
        }
        try {
            if (password == null || !password.equals(repeated)) throw new RuleViolation("两次输入的密码不一致。");
            setup.createFirstAdmin(username, password, displayName, "初始设置页面，来源 " + req.getRemoteAddr());
        } catch (RuleViolation e) {
            ra.addFlashAttribute("error", e.getMessage());
            ra.addFlashAttribute("username", username);
            ra.addFlashAttribute("displayName", displayName);
            return "redirect:/setup";
        }
        return "redirect:/login?setup";
    }
}
