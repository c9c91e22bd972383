package org.openbudget.web.api;

import org.openbudget.web.batch.BatchService;
import org.openbudget.web.security.BudgetUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How far a batch audit is, for the job page's progress bar (and any program): documents done of all, rate, time left. */
@RestController
public class BatchApi {
    private final BatchService batches;

    public BatchApi(BatchService batches) { this.batches = batches; }

    /** A new batch job from the files sent ({@code files}: PDFs, texts, zips); 201 with its id, 400 naming each file refused and why. */
    @org.springframework.web.bind.annotation.PostMapping("/api/batch")
    public org.springframework.http.ResponseEntity<java.util.Map<String, Object>> create(
            @org.springframework.web.bind.annotation.RequestParam(name = "files", required = false) java.util.List<org.springframework.web.multipart.MultipartFile> files,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer year,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String title,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String region,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String published,
            @AuthenticationPrincipal BudgetUser me) throws java.io.IOException {
        batches.region(me, region);
        java.util.List<org.openbudget.web.batch.BatchIntake.Upload> uploads = new java.util.ArrayList<>();
        for (var f : files == null ? java.util.List.<org.springframework.web.multipart.MultipartFile>of() : files)
            uploads.add(new org.openbudget.web.batch.BatchIntake.Upload(f.getOriginalFilename(), f::getBytes));
        long id = batches.create(me, region, year, title, uploads, org.openbudget.web.pages.BatchPages.date(published));
        return org.springframework.http.ResponseEntity.status(201)
                .body(java.util.Map.of("id", id, "progress", "/api/batch/" + id + "/progress", "page", "/batch/" + id));
    }

    @GetMapping("/api/batch/{id}/progress")
    public BatchService.Progress progress(@PathVariable long id, @AuthenticationPrincipal BudgetUser me) {
        return batches.progress(me, id);
    }
}
