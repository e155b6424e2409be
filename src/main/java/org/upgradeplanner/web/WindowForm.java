package org.upgradeplanner.web;

import static org.upgradeplanner.web.FormFields.local;
import static org.upgradeplanner.web.FormFields.stripped;

import org.upgradeplanner.window.WindowView;

/** What a window form (new or edit) held, so a refused one comes back as typed. */
public record WindowForm(
        String title, String start, String end, String hosts, String description, boolean draft, String reason) {
    static WindowForm empty() {
        return new WindowForm("", "", "", "", "", false, "");
    }

    /** The edit form of a window, its times in UTC. */
    static WindowForm of(WindowView w) {
        return new WindowForm(
                w.title(),
                local(w.start()),
                local(w.end()),
                String.join(", ", w.hosts()),
                w.description() == null ? "" : w.description(),
                false,
                "");
    }

    /** The fields as posted, stripped. */
    static WindowForm typed(
            String title, String start, String end, String hosts, String description, boolean draft, String reason) {
        return new WindowForm(
                stripped(title),
                stripped(start),
                stripped(end),
                stripped(hosts),
                stripped(description),
                draft,
                stripped(reason));
    }
}
