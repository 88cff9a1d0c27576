package com.servicecoach.quality;

import com.servicecoach.scoring.Channel;
import com.servicecoach.training.content.ContentProblem;
import com.servicecoach.training.content.Localized;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks one rubric file against the schema in training-content/README.md ("QA rubrics"). The YAML is
 * read as a node tree so that every problem names its line; unknown keys are problems (they are usually typos).
 */
final class QaRubricYaml {

    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final List<String> KEYS = List.of("code", "version", "title", "description", "channels", "passTarget", "criteria");
    static final List<String> CRITERION_KEYS = List.of("code", "text", "guidance", "points", "critical", "naAllowed", "module");
    private static final List<String> CHANNEL_CODES = Arrays.stream(Channel.values()).map(Channel::code).toList();

    /**
     * What one file gave: the rubric (null when the file has any problem) and the line of each channel it lists
     * (also when it has problems, so that a channel claimed twice is reported either way).
     */
    record Parsed(QaRubric rubric, Map<Channel, Integer> channelLines) {
    }

    private final String file;
    private final Set<String> modules;
    private final List<ContentProblem> problems;

    private QaRubricYaml(String file, Set<String> modules, List<ContentProblem> problems) {
        this.file = file;
        this.modules = modules;
        this.problems = problems;
    }

    /**
     * Reads {@code text}, the content of {@code file}, whose code must be {@code expectedCode}; criteria may name only
     * the {@code modules} given. Problems are added to {@code problems}.
     */
    static Parsed read(String text, String file, String expectedCode, Set<String> modules, List<ContentProblem> problems) {
        return new QaRubricYaml(file, modules, problems).read(text, expectedCode);
    }

    private Parsed read(String text, String expectedCode) {
        int before = problems.size();
        Map<Channel, Integer> channelLines = new LinkedHashMap<>();
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
            return new Parsed(null, channelLines);
        } catch (YAMLException e) {
            problem(0, "not valid YAML: " + e.getMessage());
            return new Parsed(null, channelLines);
        }
        if (root == null) {
            problem(0, "the file is empty");
            return new Parsed(null, channelLines);
        }
        Map<String, NodeTuple> top = mapping(root, "the rubric", KEYS);
        if (top == null) {
            return new Parsed(null, channelLines);
        }
        String code = code(required(top, "code", root), "code");
        if (code != null && !code.equals(expectedCode)) {
            problem(top.get("code").getValueNode(), "code '" + code + "' must equal the file name without .yml ('"
                    + expectedCode + "')");
            code = null;
        }
        Integer version = integer(required(top, "version", root), "version", 1, 100_000);
        Localized title = localized(required(top, "title", root), "title", 200);
        Localized description = top.containsKey("description")
                ? localized(top.get("description").getValueNode(), "description", 2000) : null;
        List<Channel> channels = channels(required(top, "channels", root), channelLines);
        Integer passTarget = integer(required(top, "passTarget", root), "passTarget", 1, 100);
        List<QaCriterion> criteria = criteria(required(top, "criteria", root));
        if (problems.size() > before) {
            return new Parsed(null, channelLines);
        }
        return new Parsed(new QaRubric(code, version, title, description, channels, passTarget, criteria, file),
                channelLines);
    }

    /** {@code channels}: a non-empty list of channel codes, none twice. */
    private List<Channel> channels(Node node, Map<Channel, Integer> lines) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, "channels must be a non-empty list of channels (" + String.join(", ", CHANNEL_CODES) + ")");
            return null;
        }
        List<Channel> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            String v = item instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().strip() : null;
            Channel channel = v == null ? null
                    : Arrays.stream(Channel.values()).filter(c -> c.code().equals(v)).findFirst().orElse(null);
            if (channel == null) {
                problem(item, "channels: " + (v == null ? "an item" : "'" + v + "'") + " is not a channel (one of "
                        + String.join(", ", CHANNEL_CODES) + ")");
                ok = false;
            } else if (out.contains(channel)) {
                problem(item, "channels: '" + v + "' is listed twice");
                ok = false;
            } else {
                out.add(channel);
                lines.put(channel, line(item));
            }
        }
        return ok ? List.copyOf(out) : null;
    }

    /** {@code criteria}: a non-empty list of criteria with unique codes. */
    private List<QaCriterion> criteria(Node node) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, "criteria must be a non-empty list of criteria ({ code, text, points, ... })");
            return null;
        }
        List<QaCriterion> out = new ArrayList<>();
        Map<String, Integer> codeLines = new LinkedHashMap<>();
        boolean ok = true;
        int i = 0;
        for (Node item : seq.getValue()) {
            i++;
            QaCriterion c = criterion(item, "criteria[" + i + "]", codeLines);
            if (c == null) {
                ok = false;
            } else {
                out.add(c);
            }
        }
        return ok ? List.copyOf(out) : null;
    }

    private QaCriterion criterion(Node item, String where, Map<String, Integer> codeLines) {
        int before = problems.size();
        Map<String, NodeTuple> m = mapping(item, where, CRITERION_KEYS);
        if (m == null) {
            return null;
        }
        Node codeNode = required(m, "code", item);
        String code = code(codeNode, where + ".code");
        if (code != null) {
            Integer earlier = codeLines.putIfAbsent(code, line(codeNode));
            if (earlier != null) {
                problem(codeNode, where + ": the criterion code '" + code + "' is also used on line " + earlier
                        + ": every criterion needs its own code");
            }
        }
        Localized text = localized(required(m, "text", item), where + ".text", 500);
        Localized guidance = m.containsKey("guidance") ? localized(m.get("guidance").getValueNode(), where + ".guidance", 2000) : null;
        Integer points = integer(required(m, "points", item), where + ".points", 1, 100);
        Boolean critical = m.containsKey("critical") ? bool(m.get("critical").getValueNode(), where + ".critical") : Boolean.FALSE;
        Boolean naAllowed = m.containsKey("naAllowed") ? bool(m.get("naAllowed").getValueNode(), where + ".naAllowed") : Boolean.FALSE;
        String module = null;
        if (m.containsKey("module")) {
            Node moduleNode = m.get("module").getValueNode();
            module = code(moduleNode, where + ".module");
            if (module != null && !modules.contains(module)) {
                problem(moduleNode, where + ".module: '" + module + "' is not a training module (a folder of the content"
                        + " directory with a module.yml)" + (modules.isEmpty() ? "" : "; modules: " + String.join(", ", modules)));
                module = null;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new QaCriterion(code, text, guidance, points, critical, naAllowed, module, line(item));
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
            if (!allowed.contains(k)) {
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

    /** A code: lower-case letters, digits and single '-' between them, at most 64 characters. */
    private String code(Node node, String field) {
        String v = string(node, field, 64);
        if (v != null && !CODE.matcher(v).matches()) {
            problem(node, field + " '" + v + "' must be lower-case letters, digits and single '-' between them");
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
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on");
        }
        problem(node, field + " must be true or false"
                + (node instanceof ScalarNode s ? " (found '" + s.getValue() + "')" : ""));
        return null;
    }

    /** A text in both languages: {@code { en: "...", zh-CN: "..." }}. */
    private Localized localized(Node node, String field, int max) {
        if (node == null) {
            return null;
        }
        Map<String, NodeTuple> m = mapping(node, field, List.of("en", "zh-CN"));
        if (m == null) {
            return null;
        }
        Node en = m.get("en") == null ? null : m.get("en").getValueNode();
        Node zh = m.get("zh-CN") == null ? null : m.get("zh-CN").getValueNode();
        if (en == null) {
            problem(node, field + ": missing required key 'en' (the English text)");
        }
        if (zh == null) {
            problem(node, field + ": missing required key 'zh-CN' (the Simplified Chinese text)");
        }
        String enText = string(en, field + ".en", max);
        String zhText = string(zh, field + ".zh-CN", max);
        return enText == null || zhText == null ? null : new Localized(enText, zhText);
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
