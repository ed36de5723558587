package io.jornado.samples.blog;

import java.time.Instant;

/**
 * A row of the {@code entries} table: one blog post.
 *
 * <p>Ports the entry rows of Tornado's blog demo (schema.sql).
 *
 * @param id the entry's key
 * @param authorId the key of the author who wrote it
 * @param slug the entry's name in its URL, {@code /entry/<slug>} (unique)
 * @param title the title as typed
 * @param markdown the text as typed
 * @param html the text rendered by {@link Markdown#toHtml}
 * @param published when it was first saved (UTC)
 * @param updated when it was last saved (UTC)
 */
public record Entry(int id, int authorId, String slug, String title, String markdown, String html,
    Instant published, Instant updated) {}
