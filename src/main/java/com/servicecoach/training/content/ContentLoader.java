package com.servicecoach.training.content;

import com.servicecoach.scoring.Category;
import com.servicecoach.question.GiftError;
import com.servicecoach.question.GiftParser;
import com.servicecoach.question.GiftResult;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads and checks the training content directory: one folder per module (see training-content/README.md).
 * Plain Java, no framework: a module with any problem is reported and left out; the others are returned.
 *
 * <p>What is checked: module.yml against its schema; lesson file names, a Chinese twin for every lesson
 * (and an English one for every Chinese lesson), a "# " title in each; both GIFT banks parse without errors,
 * hold no text without an answer block, have unique question names, and pair up (same names, types,
 * categories and answer structure); every essay question has a rubric and every rubric belongs to an essay;
 * {@code assessment.questionCount} does not exceed the bank; questions and lessons fit the database columns
 * they are stored in ({@link StoredLengths}).
 *
 * <p>The folder {@value #QA_FOLDER} is not a module: it holds the QA rubrics for reviewing real conversations,
 * which are loaded elsewhere (package {@code com.servicecoach.quality}); it is skipped here.
 */
public final class ContentLoader {

    /** The interaction categories a module may address (metrics.md). */
    public static final List<String> CATEGORIES = Category.CODES;
    /** The folder of QA rubrics inside the content directory; not a module. */
    public static final String QA_FOLDER = "qa";
    static final String MODULE_FILE = "module.yml";
    static final String BANK_EN = "questions.gift";
    static final String BANK_ZH = "questions.zh-CN.gift";
    static final String LESSONS = "lessons";
    private static final Pattern LESSON = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)(\\.zh-CN)?\\.md");
    private static final Set<String> KNOWN_FILES = Set.of(MODULE_FILE, BANK_EN, BANK_ZH, LESSONS);

    private ContentLoader() {
    }

    /** Loads every module folder under {@code directory} (every folder but {@value #QA_FOLDER} and hidden ones). */
    public static ContentReport load(Path directory) {
        List<ContentProblem> problems = new ArrayList<>();
        List<ModuleSource> modules = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        String root = directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
        if (!Files.isDirectory(directory)) {
            problems.add(new ContentProblem(root, 0, "the content directory " + directory.toAbsolutePath() + " does not exist"));
            return new ContentReport(modules, problems, folders);
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(directory)) {
            dirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(QA_FOLDER)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path dir : dirs) {
            String folder = dir.getFileName().toString();
            folders.add(folder);
            List<ContentProblem> own = new ArrayList<>();
            ModuleSource m = new ModuleReader(dir, root + "/" + folder, own).read();
            problems.addAll(own);
            if (m != null && own.isEmpty()) {
                modules.add(m);
            }
        }
        return new ContentReport(modules, problems, folders);
    }

    /** Reads one module folder. */
    private static final class ModuleReader {
        private final Path dir;
        private final String prefix;
        private final List<ContentProblem> problems;

        ModuleReader(Path dir, String prefix, List<ContentProblem> problems) {
            this.dir = dir;
            this.prefix = prefix;
            this.problems = problems;
        }

        private void problem(String file, int line, String message) {
            problems.add(new ContentProblem(prefix + "/" + file, line, message));
        }

        ModuleSource read() {
            String folder = dir.getFileName().toString();
            if (!ModuleYaml.CODE.matcher(folder).matches()) {
                problems.add(new ContentProblem(prefix, 0,
                        "a module folder name must be lower-case letters, digits and single '-' between them"));
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !KNOWN_FILES.contains(n)).sorted()
                        .forEach(n -> problem(n, 0, "unexpected file: a module folder holds only module.yml, "
                                + "lessons/, questions.gift and questions.zh-CN.gift"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String yamlText = text(MODULE_FILE);
            ModuleYaml.Fields fields = yamlText == null ? null
                    : ModuleYaml.read(yamlText, prefix + "/" + MODULE_FILE, folder, problems);
            List<LessonSource> lessons = lessons();
            List<BankQuestion> bank = bank();
            if (fields != null && bank != null) {
                checkRubrics(fields, bank);
                AssessmentSettings a = fields.assessment();
                if (a != null && a.tags().isEmpty() && a.questionCount() > bank.size()) {
                    problem(MODULE_FILE, 0, "assessment.questionCount is " + a.questionCount() + " but the bank holds only "
                            + bank.size() + " questions");
                }
                if (a != null && !a.tags().isEmpty()) {
                    long tagged = bank.stream()
                            .filter(q -> q.en().type() != QuestionType.DESCRIPTION && q.en().tags().containsAll(a.tags()))
                            .count();
                    if (tagged == 0 || a.questionCount() > tagged) {
                        problem(MODULE_FILE, 0, "assessment.tags " + a.tags() + " draw from " + tagged + " questions of the bank"
                                + " (those carrying every one of these tags, given as // [tag:name] before a question), but "
                                + (tagged == 0 ? "an assessment needs at least one" : "assessment.questionCount is " + a.questionCount()));
                    }
                }
            }
            if (!problems.isEmpty() || fields == null || lessons == null || bank == null) {
                return null;
            }
            return new ModuleSource(fields.code(), fields.version(), fields.title(), fields.summary(), fields.skills(),
                    fields.categories(), fields.estimatedMinutes(), fields.passMark(), fields.certificationMonths(),
                    fields.assessment(), fields.rubrics(), lessons, bank, hash(), fields.addresses());
        }

        /** A file's text (strict UTF-8, byte order mark dropped), or null with a problem. */
        private String text(String relative) {
            Path p = dir.resolve(relative);
            if (!Files.isRegularFile(p)) {
                problem(relative, 0, "the file is missing");
                return null;
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
                return s.startsWith("\uFEFF") ? s.substring(1) : s;
            } catch (CharacterCodingException e) {
                problem(relative, 0, "the file is not valid UTF-8");
                return null;
            } catch (IOException e) {
                problem(relative, 0, "the file cannot be read: " + e.getMessage());
                return null;
            }
        }

        private List<LessonSource> lessons() {
            Path lessonDir = dir.resolve(LESSONS);
            if (!Files.isDirectory(lessonDir)) {
                problem(LESSONS, 0, "the lessons folder is missing");
                return null;
            }
            List<String> names;
            try (Stream<Path> s = Files.list(lessonDir)) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Integer> numbers = new TreeMap<>();
            Set<String> english = new TreeSet<>();
            Set<String> chinese = new TreeSet<>();
            int before = problems.size();
            for (String n : names) {
                Matcher m = LESSON.matcher(n);
                if (!m.matches()) {
                    problem(LESSONS + "/" + n, 0, "not a lesson file name: lessons are named NN-slug.md and NN-slug.zh-CN.md "
                            + "(two digits, lower-case words joined by '-')");
                    continue;
                }
                String slug = m.group(1) + "-" + m.group(2);
                numbers.put(slug, Integer.parseInt(m.group(1)));
                (m.group(3) == null ? english : chinese).add(slug);
            }
            for (String slug : english) {
                if (!chinese.contains(slug)) {
                    problem(LESSONS + "/" + slug + ".md", 0, "the lesson has no Chinese twin " + slug + ".zh-CN.md");
                }
            }
            for (String slug : chinese) {
                if (!english.contains(slug)) {
                    problem(LESSONS + "/" + slug + ".zh-CN.md", 0, "the Chinese lesson has no English twin " + slug + ".md");
                }
            }
            Map<Integer, String> byNumber = new HashMap<>();
            for (String slug : english) {
                String other = byNumber.putIfAbsent(numbers.get(slug), slug);
                if (other != null) {
                    problem(LESSONS + "/" + slug + ".md", 0, "two lessons share the number " + slug.substring(0, 2)
                            + " (" + other + ".md): number lessons 01, 02, ... in reading order");
                }
            }
            if (english.isEmpty() && chinese.isEmpty() && problems.size() == before) {
                problem(LESSONS, 0, "a module needs at least one lesson");
            }
            List<LessonSource> out = new ArrayList<>();
            for (String slug : english) {
                if (!chinese.contains(slug)) {
                    continue;
                }
                String en = text(LESSONS + "/" + slug + ".md");
                String zh = text(LESSONS + "/" + slug + ".zh-CN.md");
                String titleEn = en == null ? null : title(LESSONS + "/" + slug + ".md", en);
                String titleZh = zh == null ? null : title(LESSONS + "/" + slug + ".zh-CN.md", zh);
                if (titleEn != null && titleZh != null) {
                    LessonSource lesson = new LessonSource(numbers.get(slug), slug, new Localized(titleEn, titleZh),
                            new Localized(en, zh));
                    StoredLengths.lessonProblems(lesson).forEach(m -> problem(LESSONS + "/" + slug + ".md", 0, m));
                    out.add(lesson);
                }
            }
            return problems.size() == before ? out : null;
        }

        /** The first "# " heading; a problem at line 1 when there is none. */
        private String title(String file, String markdown) {
            String[] lines = markdown.split("\\R", -1);
            boolean fenced = false;
            for (String line : lines) {
                String t = line.strip();
                if (t.startsWith("```") || t.startsWith("~~~")) {
                    fenced = !fenced;
                }
                if (!fenced && line.startsWith("# ") && !line.substring(2).isBlank()) {
                    return line.substring(2).strip();
                }
            }
            problem(file, 1, markdown.isBlank() ? "the lesson is empty" : "the lesson has no title: start it with a '# ' heading");
            return null;
        }

        private List<Question> parseBank(String file) {
            String text = text(file);
            if (text == null) {
                return null;
            }
            GiftResult r = GiftParser.parse(text);
            for (GiftError e : r.errors()) {
                problem(file, e.line(), e.message());
            }
            Map<String, Question> seen = new HashMap<>();
            for (Question q : r.questions()) {
                if (q.type() == QuestionType.DESCRIPTION) {
                    problem(file, q.line(), "text without an answer block: a module's bank holds only questions "
                            + "(add the answers in { }, or make it a // comment)");
                } else if (seen.putIfAbsent(q.name(), q) != null) {
                    problem(file, q.line(), "the question name '" + q.name() + "' is also used on line "
                            + seen.get(q.name()).line() + ": every question needs its own ::name::");
                } else {
                    StoredLengths.problems(q).forEach(m -> problem(file, q.line(), m));
                }
            }
            if (r.hasErrors()) {
                return null;
            }
            if (r.questions().isEmpty()) {
                problem(file, 0, "the bank holds no questions");
                return null;
            }
            return r.questions();
        }

        private List<BankQuestion> bank() {
            int before = problems.size();
            List<Question> en = parseBank(BANK_EN);
            List<Question> zh = parseBank(BANK_ZH);
            if (en == null || zh == null || problems.size() > before) {
                return null;
            }
            Map<String, Question> zhByName = new LinkedHashMap<>();
            zh.forEach(q -> zhByName.put(q.name(), q));
            Set<String> enNames = new TreeSet<>();
            List<BankQuestion> out = new ArrayList<>();
            for (Question q : en) {
                enNames.add(q.name());
                Question twin = zhByName.get(q.name());
                if (twin == null) {
                    problem(BANK_EN, q.line(), "question '" + q.name() + "' has no twin of the same name in " + BANK_ZH);
                    continue;
                }
                String difference = BankTwins.difference(q, twin);
                if (difference != null) {
                    problem(BANK_ZH, twin.line(), "question '" + q.name() + "' differs from " + BANK_EN + " line "
                            + q.line() + ": " + difference);
                    continue;
                }
                out.add(new BankQuestion(q, twin));
            }
            for (Question q : zh) {
                if (!enNames.contains(q.name())) {
                    problem(BANK_ZH, q.line(), "question '" + q.name() + "' has no twin of the same name in " + BANK_EN);
                }
            }
            return problems.size() == before ? out : null;
        }

        private void checkRubrics(ModuleYaml.Fields fields, List<BankQuestion> bank) {
            Map<String, Question> byName = new HashMap<>();
            bank.forEach(b -> byName.put(b.name(), b.en()));
            for (BankQuestion b : bank) {
                if (b.en().type() == QuestionType.ESSAY && !fields.rubrics().containsKey(b.name())
                        && !fields.rubricLines().containsKey(b.name())) {
                    problem(BANK_EN, b.en().line(), "essay question '" + b.name() + "' has no rubric: add rubrics."
                            + b.name() + " to " + MODULE_FILE);
                }
            }
            fields.rubricLines().forEach((name, line) -> {
                Question q = byName.get(name);
                if (q == null) {
                    problem(MODULE_FILE, line, "rubric '" + name + "' names no question of the bank");
                } else if (q.type() != QuestionType.ESSAY) {
                    problem(MODULE_FILE, line, "rubric '" + name + "' belongs to a " + q.type().code()
                            + " question: only essay questions have rubrics");
                }
            });
        }

        /** SHA-256 over the relative path and bytes of every file in the folder, in path order. */
        private String hash() {
            try (Stream<Path> s = Files.walk(dir)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
                for (Path f : files) {
                    digest.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(f));
                    digest.update((byte) 0);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
