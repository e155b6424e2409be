package org.upgradeplanner.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.Map;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.window.WindowState;

/**
 * Words a person reads for the codes the API speaks ({@code {h.classification.label}} → "Outage required"): pages show
 * these, forms still post the codes, and the API and feeds keep them unchanged.
 */
@TemplateExtension
public final class Labels {

    private Labels() {}

    /** Codes whose words are not just the code in lower case ({@code OVERRIDE} reads "overridden"). */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("OVERRIDE", "Overridden"),
            Map.entry("RULE", "Rule"),
            Map.entry("ANNOUNCE", "Announcement"),
            Map.entry("PENDING", "Pending"),
            Map.entry("SENT", "Sent"),
            Map.entry("SUPERSEDED", "Superseded by a reschedule"),
            Map.entry("TODO", "To do"),
            Map.entry("CAMPAIGN", "Sprint call"),
            Map.entry("CAMPAIGN_SUMMARY", "Campaign summary"));

    /** Any of the API's enums: {@link Classification}, {@link WindowState}, an import's change… */
    static String label(Enum<?> value) {
        return of(value.name());
    }

    /** Any code, as a string: {@code UP_TO_DATE} → "Up to date"; a word that is no code stays as it is. */
    static String label(String code) {
        return of(code);
    }

    /** The words for a code; a value that is not an upper-case code (a role such as "admin") is returned unchanged. */
    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String known = WORDS.get(code);
        if (known != null) {
            return known;
        }
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
