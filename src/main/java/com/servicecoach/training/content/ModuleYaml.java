package com.servicecoach.training.content;

import com.servicecoach.scoring.Category;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks one module.yml against the schema in training-content/README.md. The YAML is read as a
 * node tree so that every problem can name its line. Unknown keys are problems too (they are usually typos).
 */
final class ModuleYaml {

    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> KEYS = List.of("code", "version", "title", "summary", "skills", "categories",
            "estimatedMinutes", "passMark", "certificationMonths", "assessment", "rubrics", "addresses");
    private static final List<String> ADDRESS_KEYS = List.of("figure", "channel", "category");
    private static final List<String> ASSESSMENT_KEYS = List.of("timeLimitMinutes", "attemptsAllowed", "gradingMethod",
            "questionCount", "shuffleQuestions", "shuffleOptions", "layout", "review", "tags");

    /** The values read; null where a value was missing or invalid (a problem has then been recorded). */
    record Fields(String code, Integer version, Localized title, Localized summary, List<String> skills,
                  List<String> categories, Integer estimatedMinutes, Integer passMark, Integer certificationMonths,
                  AssessmentSettings assessment, Map<String, List<RubricCriterion>> rubrics,
                  Map<String, Integer> rubricLines, List<Addressed> addresses) {
    }

    private final String file;
    private final List<ContentProblem> problems;

    private ModuleYaml(String file, List<ContentProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Reads {@code text}; problems are added to {@code problems}. Answers null when the YAML cannot be read at all. */
    static Fields read(String text, String file, String folder, List<ContentProblem> problems) {
        return new ModuleYaml(file, problems).read(text, folder);
    }

    private Fields read(String text, String folder) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problem(line, "not valid YAML: " + context + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problem(0, "not valid YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problem(0, "the file is empty");
            return null;
        }
        Map<String, NodeTuple> top = mapping(root, "the file", KEYS);
        if (top == null) {
            return null;
        }
        String code = null;
        Node codeNode = required(top, "code", root);
        if (codeNode != null) {
            code = string(codeNode, "code", 64);
            if (code != null && !CODE.matcher(code).matches()) {
                problem(codeNode, "code '" + code + "' must be lower-case letters, digits and single '-' between them");
                code = null;
            } else if (code != null && !code.equals(folder)) {
                problem(codeNode, "code '" + code + "' must equal the folder name '" + folder + "'");
                code = null;
            }
        }
        Integer version = integer(required(top, "version", root), "version", 1, 100_000);
        Localized title = localized(required(top, "title", root), "title", 200);
        Localized summary = localized(required(top, "summary", root), "summary", 2000);
        List<String> skills = strings(required(top, "skills", root), "skills", null);
        if (skills != null && String.join(";", skills).length() > StoredLengths.SKILLS) {
            problem(top.get("skills").getKeyNode(), "skills take " + String.join(";", skills).length()
                    + " characters together (joined by ';'); at most " + StoredLengths.SKILLS + " fit: list fewer skills");
            skills = null;
        }
        List<String> categories = strings(required(top, "categories", root), "categories", Category.CODES);
        Integer minutes = integer(required(top, "estimatedMinutes", root), "estimatedMinutes", 1, 1000);
        Integer passMark = integer(required(top, "passMark", root), "passMark", 1, 100);
        Integer months = integer(required(top, "certificationMonths", root), "certificationMonths", 0, 120);
        AssessmentSettings assessment = assessment(required(top, "assessment", root));
        Map<String, List<RubricCriterion>> rubrics = new LinkedHashMap<>();
        Map<String, Integer> rubricLines = new LinkedHashMap<>();
        NodeTuple rubricTuple = top.get("rubrics");
        if (rubricTuple != null) {
            rubrics(rubricTuple.getValueNode(), rubrics, rubricLines);
        }
        NodeTuple addressesTuple = top.get("addresses");
        List<Addressed> addresses = addressesTuple == null ? List.of() : addresses(addressesTuple.getValueNode());
        return new Fields(code, version, title, summary, skills, categories, minutes, passMark, months, assessment,
                rubrics, rubricLines, addresses);
    }

    /**
     * {@code addresses}: a list of {@code {figure, channel?, category?}}, the figure one of {@link Addressed#FIGURES},
     * narrowed to at most one channel or one category; no entry twice. Problems are recorded; null if any.
     */
    private List<Addressed> addresses(Node node) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, "addresses must be a non-empty list of {figure, channel, category} entries");
            return null;
        }
        List<Addressed> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            Map<String, NodeTuple> m = mapping(item, "an addresses entry", ADDRESS_KEYS);
            if (m == null) {
                ok = false;
                continue;
            }
            Node figureNode = required(m, "figure", item);
            String figure = figureNode instanceof ScalarNode fs && Addressed.isSurveyFigure(fs.getValue().strip())
                    ? fs.getValue().strip() : choice(figureNode, "addresses.figure", Addressed.FIGURES_AND_SURVEY);
            String channel = m.containsKey("channel") ? choice(m.get("channel").getValueNode(), "addresses.channel",
                    java.util.Arrays.stream(com.servicecoach.scoring.Channel.values()).map(com.servicecoach.scoring.Channel::code).toList()) : null;
            String category = m.containsKey("category") ? choice(m.get("category").getValueNode(), "addresses.category", Category.CODES) : null;
            if (figure == null || m.containsKey("channel") && channel == null || m.containsKey("category") && category == null) {
                ok = false;
                continue;
            }
            if (channel != null && category != null) {
                problem(item, "an addresses entry names one channel or one category, not both (slices are not crossed)");
                ok = false;
                continue;
            }
            Addressed a = new Addressed(figure, channel, category);
            if (out.contains(a)) {
                problem(item, "addresses: " + a.stored() + " is listed twice");
                ok = false;
                continue;
            }
            out.add(a);
        }
        if (ok && Addressed.store(out).length() > StoredLengths.ADDRESSES) {
            problem(node, "addresses take " + Addressed.store(out).length() + " characters stored; at most "
                    + StoredLengths.ADDRESSES + " fit: list fewer");
            return null;
        }
        return ok ? List.copyOf(out) : null;
    }

    private AssessmentSettings assessment(Node node) {
        if (node == null) {
            return null;
        }
        Map<String, NodeTuple> m = mapping(node, "assessment", ASSESSMENT_KEYS);
        if (m == null) {
            return null;
        }
        Integer time = integer(required(m, "timeLimitMinutes", node), "assessment.timeLimitMinutes", 1, 600);
        Integer attempts = integer(required(m, "attemptsAllowed", node), "assessment.attemptsAllowed", 0, 100);
        String grading = choice(required(m, "gradingMethod", node), "assessment.gradingMethod", AssessmentSettings.GRADING_METHODS);
        Integer count = integer(required(m, "questionCount", node), "assessment.questionCount", 0, 1000);
        Boolean shuffleQuestions = bool(required(m, "shuffleQuestions", node), "assessment.shuffleQuestions");
        Boolean shuffleOptions = bool(required(m, "shuffleOptions", node), "assessment.shuffleOptions");
        String layout = choice(required(m, "layout", node), "assessment.layout", AssessmentSettings.LAYOUTS);
        String review = choice(required(m, "review", node), "assessment.review", AssessmentSettings.REVIEWS);
        List<String> tags = List.of();
        NodeTuple tagTuple = m.get("tags");
        if (tagTuple != null) {
            tags = strings(tagTuple.getValueNode(), "assessment.tags", null);
            if (tags == null) {
                return null;
            }
            if (tags.stream().anyMatch(t -> t.contains(";"))) {
                problem(tagTuple.getValueNode(), "assessment.tags: a tag cannot contain ';'");
                return null;
            }
            if (String.join(";", tags).length() > StoredLengths.DRAW_TAGS) {
                problem(tagTuple.getKeyNode(), "assessment.tags take " + String.join(";", tags).length()
                        + " characters together (joined by ';'); at most " + StoredLengths.DRAW_TAGS + " fit: name fewer tags");
                return null;
            }
        }
        if (time == null || attempts == null || grading == null || count == null || shuffleQuestions == null
                || shuffleOptions == null || layout == null || review == null) {
            return null;
        }
        return new AssessmentSettings(time, attempts, grading, count, shuffleQuestions, shuffleOptions, layout, review, tags);
    }

    private void rubrics(Node node, Map<String, List<RubricCriterion>> out, Map<String, Integer> lines) {
        Map<String, NodeTuple> m = mapping(node, "rubrics", null);
        if (m == null) {
            return;
        }
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            String name = e.getKey();
            Node list = e.getValue().getValueNode();
            lines.put(name, line(e.getValue().getKeyNode()));
            if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(list, "rubrics." + name + " must be a non-empty list of { criterion: { en, zh-CN }, points }");
                continue;
            }
            List<RubricCriterion> criteria = new ArrayList<>();
            int i = 0;
            for (Node item : seq.getValue()) {
                i++;
                String where = "rubrics." + name + "[" + i + "]";
                Map<String, NodeTuple> c = mapping(item, where, List.of("criterion", "points"));
                if (c == null) {
                    continue;
                }
                Localized text = localized(required(c, "criterion", item), where + ".criterion", 1000);
                Integer points = integer(required(c, "points", item), where + ".points", 1, 100);
                if (text != null && points != null) {
                    criteria.add(new RubricCriterion(text, points));
                }
            }
            if (criteria.size() == seq.getValue().size()) {
                out.put(name, List.copyOf(criteria));
            }
        }
    }

    // ---- node helpers --------------------------------------------------------------------------

    /** The keys of a mapping node; unknown and repeated keys are problems. Null (with a problem) if not a mapping. */
    private Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(node, what + " must be a mapping of keys to values");
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), "keys in " + what + " must be plain words");
                continue;
            }
            String k = key.getValue();
            if (allowed != null && !allowed.contains(k)) {
                problem(key, "unknown key '" + k + "' in " + what + " (allowed: " + String.join(", ", allowed) + ")");
                continue;
            }
            if (out.containsKey(k)) {
                problem(key, "key '" + k + "' appears twice in " + what);
                continue;
            }
            out.put(k, t);
        }
        return out;
    }

    private Node required(Map<String, NodeTuple> map, String key, Node parent) {
        NodeTuple t = map.get(key);
        if (t == null) {
            problem(parent, "missing required key '" + key + "'");
            return null;
        }
        return t.getValueNode();
    }

    private String string(Node node, String field, int max) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
            problem(node, field + " must be a non-empty text");
            return null;
        }
        String v = s.getValue().strip();
        if (v.length() > max) {
            problem(node, field + " is longer than " + max + " characters");
            return null;
        }
        return v;
    }

    private Integer integer(Node node, String field, int min, int max) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                int v = Integer.parseInt(s.getValue().replace("_", ""));
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(node, field + " must be a whole number from " + min + " to " + max
                + (node instanceof ScalarNode s ? " (found '" + s.getValue() + "')" : ""));
        return null;
    }

    private Boolean bool(Node node, String field) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT))
                    || s.getValue().equalsIgnoreCase("yes") || s.getValue().equalsIgnoreCase("on");
        }
        problem(node, field + " must be true or false");
        return null;
    }

    private String choice(Node node, String field, List<String> allowed) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s && allowed.contains(s.getValue().strip())) {
            return s.getValue().strip();
        }
        problem(node, field + " must be one of " + String.join(", ", allowed)
                + (node instanceof ScalarNode s ? " (found '" + s.getValue() + "')" : ""));
        return null;
    }

    private Localized localized(Node node, String field, int max) {
        if (node == null) {
            return null;
        }
        Map<String, NodeTuple> m = mapping(node, field, List.of("en", "zh-CN"));
        if (m == null) {
            return null;
        }
        String en = string(required(m, "en", node), field + ".en", max);
        String zh = string(required(m, "zh-CN", node), field + ".zh-CN", max);
        return en == null || zh == null ? null : new Localized(en, zh);
    }

    private List<String> strings(Node node, String field, List<String> allowed) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, field + " must be a non-empty list");
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            String v = string(item, field + " item", 64);
            if (v == null) {
                ok = false;
            } else if (allowed != null && !allowed.contains(v)) {
                problem(item, field + ": '" + v + "' is not one of " + String.join(", ", allowed));
                ok = false;
            } else if (out.contains(v)) {
                problem(item, field + ": '" + v + "' is listed twice");
                ok = false;
            } else {
                out.add(v);
            }
        }
        return ok ? List.copyOf(out) : null;
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String message) {
        problem(line(node), message);
    }

    private void problem(int line, String message) {
        problems.add(new ContentProblem(file, line, message));
    }
}
