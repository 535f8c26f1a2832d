package dev.kubegenerate.config;

import java.nio.file.Path;
import java.util.Locale;

/** The app name a new config gets from its folder, as init and import write it. */
public final class AppName {

  private AppName() {}

  /**
   * The folder name as a Kubernetes name (lower case, other characters as '-', at most 63), or
   * "app" when nothing is left: a config must name a valid app even in a folder called {@code
   * My_Service}.
   */
  public static String fromFolder(Path dir) {
    Path last = dir.toAbsolutePath().normalize().getFileName();
    String name =
        last == null
            ? ""
            : last.toString()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
    if (name.length() > 63) {
      name = name.substring(0, 63).replaceAll("-+$", "");
    }
    return name.isEmpty() ? "app" : name;
  }
}
