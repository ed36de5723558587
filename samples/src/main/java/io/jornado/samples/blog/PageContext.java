package io.jornado.samples.blog;

import java.util.Optional;

/**
 * What every page of the blog needs besides its own data: what Tornado's templates reach through
 * {@code handler.settings}, {@code current_user} and {@code request}.
 *
 * @param blogTitle the blog's name (the demo's {@code blog_title} setting)
 * @param currentUser the logged-in author, if any
 * @param path the request's path, where login and logout links come back to
 * @param host the request's Host, for the feed's absolute links
 * @param fullUrl the request's full URL, the feed's {@code rel="self"} link
 * @param next the request's {@code next} argument, where a login or author form goes back to
 */
public record PageContext(String blogTitle, Optional<Author> currentUser, String path, String host, String fullUrl,
    Optional<String> next) {}
