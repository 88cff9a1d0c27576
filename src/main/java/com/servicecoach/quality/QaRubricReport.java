package com.servicecoach.quality;

import com.servicecoach.training.content.ContentProblem;

import java.util.List;

/** What loading the QA rubrics found: the valid rubrics (sorted by file name) and every problem. */
public record QaRubricReport(List<QaRubric> rubrics, List<ContentProblem> problems) {

    public QaRubricReport {
        rubrics = List.copyOf(rubrics);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
