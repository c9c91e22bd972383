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

    @GetMapping("/api/batch/{id}/progress")
    public BatchService.Progress progress(@PathVariable long id, @AuthenticationPrincipal BudgetUser me) {
        return batches.progress(me, id);
    }
}
