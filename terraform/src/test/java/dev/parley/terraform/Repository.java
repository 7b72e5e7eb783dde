package dev.parley.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Facts read from the repository around the Terraform files (tests run with the terraform module as directory). */
final class Repository {

    static final Path MODULE = Path.of("modules", "region");

    static final Path ENVIRONMENTS = Path.of("envs");

    static final Path SERVICES = Path.of("..", "services");

    /** Heroku's Private Space regions (Dev Center, "Heroku Private Spaces", Regions). */
    static final Set<String> PRIVATE_SPACE_REGIONS = Set.of("dublin", "frankfurt", "london", "montreal", "mumbai",
            "oregon", "singapore", "sydney", "tokyo", "virginia");

    /** The public edge apps of docs/DESIGN.md; every other service is internal. */
    static final Set<String> PUBLIC_SERVICES = Set.of("gateway", "registry", "console");

    private Repository() {
    }

    /** The services: directories of services/ with a pom.xml. */
    static List<String> serviceNames() {
        try (Stream<Path> listing = Files.list(SERVICES)) {
            return listing.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                .map(dir -> dir.getFileName().toString())
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + SERVICES.toAbsolutePath().normalize(), ex);
        }
    }

    /** The environment directories under envs/. */
    static List<Path> environments() {
        try (Stream<Path> listing = Files.list(ENVIRONMENTS)) {
            return listing.filter(Files::isDirectory).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + ENVIRONMENTS, ex);
        }
    }

    /** artifactIds of the non-test dependencies of a service's pom. */
    static Set<String> dependencies(String service) {
        Path pom = SERVICES.resolve(service).resolve("pom.xml");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            Set<String> artifacts = new HashSet<>();
            NodeList dependencies = project.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                if (dependency.getParentNode().getParentNode() != project) {
                    continue; // dependencyManagement, plugin dependencies
                }
                if ("test".equals(text(dependency, "scope"))) {
                    continue;
                }
                artifacts.add(text(dependency, "artifactId"));
            }
            return artifacts;
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot read " + pom, ex);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

}
