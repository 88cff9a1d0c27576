package com.servicecoach.training.content;

/**
 * One lesson as read from {@code lessons/NN-slug.md} and its {@code .zh-CN.md} twin.
 *
 * @param number   the NN of the file name (lessons are read in this order)
 * @param slug     the file name without {@code .md}, e.g. {@code 01-first-reply}
 * @param title    the first "# " heading of each file
 * @param markdown the files' Markdown
 */
public record LessonSource(int number, String slug, Localized title, Localized markdown) {
}
