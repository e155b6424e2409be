package org.upgradeplanner.campaign;

/**
 * The optional body of an item action: {@code replacement} (the new host's name, when it differs) and {@code note} for
 * {@code replaced}; {@code reason} (required) for {@code skip}.
 */
public record ItemInput(String replacement, String note, String reason) {

    public static final ItemInput NONE = new ItemInput(null, null, null);
}
