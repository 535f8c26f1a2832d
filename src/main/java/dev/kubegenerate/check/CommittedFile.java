package dev.kubegenerate.check;

import dev.kubegenerate.model.ManifestPath;
import java.util.Optional;

/**
 * A manifest file found under an output folder.
 *
 * @param path repository-relative path
 * @param text its text, empty when it could not be read as text (see {@code unreadable})
 * @param unreadable why it could not be read (a symbolic link, binary, not UTF-8, too large)
 * @param link a symbolic link: listed, never followed
 */
public record CommittedFile(
    ManifestPath path, Optional<String> text, Optional<String> unreadable, boolean link) {}
