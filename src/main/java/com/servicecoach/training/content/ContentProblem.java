package com.servicecoach.training.content;

/**
 * One problem in the training content: the file (relative to the content directory's parent, e.g.
 * {@code training-content/greeting-attitude/module.yml}), the 1-based line (0 when it concerns the whole
 * file, e.g. a missing file) and what is wrong.
 */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
