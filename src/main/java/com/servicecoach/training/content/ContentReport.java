package com.servicecoach.training.content;

import java.util.List;

/**
 * What loading the content directory found: the valid modules, every problem (a module with any problem is
 * left out of {@code modules}), and the code of every module folder seen, valid or not.
 */
public record ContentReport(List<ModuleSource> modules, List<ContentProblem> problems, List<String> folders) {

    public ContentReport {
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
        folders = List.copyOf(folders);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
