package org.upgradeplanner.campaign;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/campaigns}: {@code targets} maps a distro to its target version
 * ({@code {"ubuntu": "14.04"}}); {@code sprintDays} and {@code deadline} are dates ({@code 2016-06-10}).
 */
public record CampaignInput(
        String name, Map<String, String> targets, CampaignScope scope, List<String> sprintDays, String deadline) {}
