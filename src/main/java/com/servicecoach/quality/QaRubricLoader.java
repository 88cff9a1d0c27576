package com.servicecoach.quality;

import com.servicecoach.scoring.Channel;
import com.servicecoach.training.content.ContentLoader;
import com.servicecoach.training.content.ContentProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads and checks the QA rubrics: the files {@code <content directory>/qa/*.yml}, one rubric each (see
 * training-content/README.md, "QA rubrics"). Plain Java, no framework: a rubric with any problem is reported and
 * left out; the others are returned.
 *
 * <p>Besides each file's schema: the code equals the file name; a criterion's {@code module} is a folder of the
 * content directory (other than {@code qa}) holding a module.yml; a channel belongs to one rubric at most: when a
 * later file (in file-name order) lists a channel an earlier one already lists, the later file has the problem
 * and is left out. Anything in the qa folder but {@code *.yml} files (and hidden files) is a problem too.
 */
public final class QaRubricLoader {

    static final String SUFFIX = ".yml";

    private QaRubricLoader() {
    }

    /** Loads the rubrics of {@code contentDirectory}; no qa folder means no rubrics and no problems. */
    public static QaRubricReport load(Path contentDirectory) {
        String root = contentDirectory.getFileName() == null ? contentDirectory.toString()
                : contentDirectory.getFileName().toString();
        String prefix = root + "/" + ContentLoader.QA_FOLDER;
        Path qa = contentDirectory.resolve(ContentLoader.QA_FOLDER);
        List<QaRubric> rubrics = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        if (!Files.exists(qa)) {
            return new QaRubricReport(rubrics, problems);
        }
        if (!Files.isDirectory(qa)) {
            problems.add(new ContentProblem(prefix, 0, "qa must be a folder holding one <code>.yml file per rubric"));
            return new QaRubricReport(rubrics, problems);
        }
        Set<String> modules = moduleCodes(contentDirectory);
        List<Path> entries;
        try (Stream<Path> s = Files.list(qa)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Channel, String> claimed = new EnumMap<>(Channel.class);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            String file = prefix + "/" + name;
            if (!Files.isRegularFile(p) || !name.endsWith(SUFFIX)) {
                problems.add(new ContentProblem(file, 0, "unexpected " + (Files.isDirectory(p) ? "folder" : "file")
                        + ": the qa folder holds only rubric files named <code>.yml"));
                continue;
            }
            List<ContentProblem> own = new ArrayList<>();
            String text = text(p, file, own);
            QaRubricYaml.Parsed parsed = text == null ? null
                    : QaRubricYaml.read(text, file, name.substring(0, name.length() - SUFFIX.length()), modules, own);
            if (parsed != null) {
                parsed.channelLines().forEach((channel, line) -> {
                    String earlier = claimed.putIfAbsent(channel, file + ":" + line);
                    if (earlier != null) {
                        own.add(new ContentProblem(file, line, "channel '" + channel.code() + "' is already reviewed by "
                                + earlier + ": a channel belongs to at most one rubric"));
                    }
                });
            }
            problems.addAll(own);
            if (parsed != null && parsed.rubric() != null && own.isEmpty()) {
                rubrics.add(parsed.rubric());
            }
        }
        return new QaRubricReport(rubrics, problems);
    }

    /** The codes of the module folders: sub-folders of the content directory, but qa, that hold a module.yml. */
    static Set<String> moduleCodes(Path contentDirectory) {
        if (!Files.isDirectory(contentDirectory)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(contentDirectory)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals(ContentLoader.QA_FOLDER))
                    .filter(n -> Files.isRegularFile(contentDirectory.resolve(n).resolve("module.yml")))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's text (strict UTF-8, byte order mark dropped), or null with a problem. */
    private static String text(Path p, String file, List<ContentProblem> problems) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            problems.add(new ContentProblem(file, 0, "the file is not valid UTF-8"));
            return null;
        } catch (IOException e) {
            problems.add(new ContentProblem(file, 0, "the file cannot be read: " + e.getMessage()));
            return null;
        }
    }
}
