package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * Entry point of inventory reading: YAML or INI inventory files, or {@code ansible-inventory --list} JSON → resolved
 * hosts.
 */
public final class InventoryParser {

    public enum Format {
        YAML,
        JSON,
        INI
    }

    /** An INI section header, as Ansible's ini plugin matches it. */
    private static final Pattern INI_SECTION =
            Pattern.compile("\\[[^:\\]\\s]+(?::\\w+)?]\\s*(?:#.*)?", Pattern.UNICODE_CHARACTER_CLASS);
    /** A YAML mapping key ({@code all:}, {@code "web":}) or the start of a document or flow mapping. */
    private static final Pattern YAML_START = Pattern.compile("---.*|\\{.*|[^\\s#;\\[=][^=]*?:(\\s.*)?");

    private final InventoryResolver resolver;

    public InventoryParser(FactCache facts) {
        this.resolver = new InventoryResolver(facts);
    }

    /** All hosts of one inventory; {@code file} names it in error messages. */
    public List<InventoryHost> parse(String file, Format format, String content) throws InventoryException {
        InventoryModel model = switch (format) {
            case JSON -> JsonInventoryReader.read(file, file, content);
            case INI -> IniInventoryReader.read(file, file, content);
            case YAML -> YamlInventoryReader.read(file, file, content);
        };
        if (!model.errors.isEmpty()) {
            throw new InventoryException(
                    format == Format.YAML ? withIniHint(file, content, model.errors) : model.errors);
        }
        return resolver.resolve(model);
    }

    /**
     * The format a file's name says: {@code .yaml}/{@code .yml} YAML, {@code .json} JSON, {@code .ini} INI, and with no
     * extension whichever the content looks like ({@link #sniff}), as Ansible tries its yaml plugin and then its ini
     * plugin on such a file. Null for any other name.
     */
    public static Format byName(String fileName, String content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return sniff(content);
        }
        return switch (name.substring(dot)) {
            case ".yaml", ".yml" -> Format.YAML;
            case ".json" -> Format.JSON;
            case ".ini" -> Format.INI;
            default -> null;
        };
    }

    /**
     * YAML or INI, by the first line that is not blank or a comment: YAML if it is {@code ---}, a flow mapping or a
     * mapping key ({@code all:}); INI otherwise (a {@code [section]}, or a host line before any section).
     */
    public static Format sniff(String content) {
        String first = firstLine(content);
        return first == null || !YAML_START.matcher(first).matches() ? Format.INI : Format.YAML;
    }

    /** The first line that is not blank or a comment, stripped, or null. */
    private static String firstLine(String content) {
        int start = 0;
        int scanned = 0;
        while (start < content.length() && scanned++ < 10_000) {
            int end = start;
            while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
                end++;
            }
            String line = content.substring(start, end).strip();
            if (!line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != ';') {
                return line;
            }
            start = end + 1;
        }
        return null;
    }

    /** A YAML document that failed and starts like an INI inventory: say so first, naming that line. */
    private static List<FieldError> withIniHint(String file, String content, List<FieldError> errors) {
        String first = firstLine(content);
        if (first == null || !(INI_SECTION.matcher(first).matches() || first.contains("=") && !first.contains(": "))) {
            return errors;
        }
        int line = 1;
        int at = content.indexOf(first);
        for (int i = 0; i < at; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        List<FieldError> hinted = new ArrayList<>();
        hinted.add(new FieldError(
                "inventory",
                file + " line " + line + ": this looks like an INI inventory (`"
                        + (first.length() > 60 ? first.substring(0, 60) + "…" : first)
                        + "`): send it as text/plain, or name the file .ini"));
        hinted.addAll(errors);
        return hinted;
    }
}
