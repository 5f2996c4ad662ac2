package dev.asymmetric.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/** {@code asymmetric --version}: the build's version and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version;
        try {
            version = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
        } catch (RuntimeException | LinkageError e) {
            version = "dev";
        }
        return new String[] {"asymmetric " + version,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
