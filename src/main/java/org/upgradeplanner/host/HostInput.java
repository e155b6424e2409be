package org.upgradeplanner.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/hosts} and {@code PUT /api/hosts/{hostname}}; {@code version} is required on PUT. */
public record HostInput(
        String hostname,
        HostView.Os os,
        List<String> services,
        List<String> groups,
        Boolean stateful,
        Boolean replaceable,
        @JsonProperty("public") Boolean isPublic,
        List<String> dependsOn,
        Map<String, Object> vars,
        Integer version) {}
