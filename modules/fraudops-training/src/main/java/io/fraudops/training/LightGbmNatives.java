package io.fraudops.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads LightGBM's native libraries out of the lightgbmlib jar, once per JVM: {@code lib_lightgbm}
 * first, then its JNI binding {@code lib_lightgbm_swig}, which links against the first by soname.
 * The jar ships x86-64 builds for Linux, macOS and Windows; lightgbmlib itself loads nothing, and
 * touching its classes before this runs fails with {@link UnsatisfiedLinkError}.
 *
 * <p>The files are copied to a fresh temporary directory (a library must be a file to be loaded);
 * on Unix they are deleted right after loading, since a mapped library needs no name.
 */
final class LightGbmNatives {
  private LightGbmNatives() {}

  private static final String ROOT = "/com/microsoft/ml/lightgbm/";
  private static boolean loaded;

  static synchronized void load() {
    if (loaded) {
      return;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!arch.equals("amd64") && !arch.equals("x86_64")) {
      throw new TrainingException(
          "LightGBM (lightgbmlib) ships native libraries for x86-64 only; this JVM runs on "
              + arch);
    }
    String dir;
    String suffix;
    if (os.contains("linux")) {
      dir = "linux";
      suffix = ".so";
    } else if (os.contains("mac") || os.contains("darwin")) {
      dir = "osx";
      suffix = ".dylib";
    } else if (os.contains("windows")) {
      dir = "windows";
      suffix = ".dll";
    } else {
      throw new TrainingException("LightGBM has no native library for " + os);
    }
    boolean windows = dir.equals("windows");
    try {
      Path tmp = Files.createTempDirectory("fraudops-lightgbm-");
      for (String name : new String[] {"lib_lightgbm", "lib_lightgbm_swig"}) {
        String resource = ROOT + dir + "/x86_64/" + name + suffix;
        Path file = tmp.resolve(name + suffix);
        try (InputStream in = LightGbmNatives.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new TrainingException("lightgbmlib jar lacks " + resource);
          }
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        System.load(file.toAbsolutePath().toString());
        if (windows) {
          file.toFile().deleteOnExit(); // a loaded DLL cannot be deleted
        } else {
          Files.delete(file);
        }
      }
      if (windows) {
        tmp.toFile().deleteOnExit();
      } else {
        Files.delete(tmp);
      }
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new TrainingException("cannot load LightGBM's native library: " + e.getMessage(), e);
    }
    loaded = true;
  }
}
