package org.lodestone.traceability.epcis.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The official GS1 EPCIS 2.0 XML schema ({@code EPCglobal-epcis-2_0.xsd} and the schemas it imports), as published
 * by GS1 and shipped in the resources of {@code io.openepcis:openepcis-document-validation-service} under
 * {@code xsd/2_0_0/}. Loaded once from the classpath; imports are resolved from the same folder by file name, never
 * from the network or the file system. The compiled {@link Schema} is thread-safe; validators are not.
 */
final class EpcisXmlSchema {

    private static final String FOLDER = "xsd/2_0_0/";
    private static final String MAIN = "EPCglobal-epcis-2_0.xsd";

    private static volatile @Nullable Schema schema;

    private EpcisXmlSchema() {}

    static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (EpcisXmlSchema.class) {
                s = schema;
                if (s == null) {
                    s = load();
                    schema = s;
                }
            }
        }
        return s;
    }

    /** A new validator that refuses any external DTD or schema a validated document might name. */
    static Validator newValidator() {
        Validator validator = schema().newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's validator supports the JAXP 1.5 access properties", e);
        }
        return validator;
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's schema factory supports the JAXP 1.5 access properties", e);
        }
        factory.setResourceResolver(new ClasspathResolver());
        try (InputStream main = open(MAIN)) {
            // no system id: the schema comes from a stream, its imports through the resolver
            return factory.newSchema(new StreamSource(main));
        } catch (SAXException e) {
            throw new IllegalStateException("the EPCIS 2.0 XML schema does not load", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) {
        URL url = EpcisXmlSchema.class.getClassLoader().getResource(FOLDER + file);
        if (url == null) {
            throw new IllegalStateException(FOLDER + file + " is not on the classpath"
                    + " (dependency io.openepcis:openepcis-document-validation-service)");
        }
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves {@code schemaLocation="EPCglobal.xsd"} and the like to the classpath folder of the EPCIS schema. */
    private static final class ClasspathResolver implements LSResourceResolver {

        @Override
        public LSInput resolveResource(
                String type,
                @Nullable String namespaceUri,
                @Nullable String publicId,
                @Nullable String systemId,
                @Nullable String baseUri) {
            if (systemId == null) {
                throw new IllegalStateException("an import without schemaLocation in the EPCIS schema");
            }
            String file = systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!file.endsWith(".xsd") || file.contains("..")) {
                throw new IllegalStateException("the EPCIS schema imports something unexpected: " + systemId);
            }
            return new Input(open(file));
        }
    }

    /** An LSInput of a byte stream only. */
    private record Input(InputStream byteStream) implements LSInput {
        // @formatter:off
        @Override
        public java.io.@Nullable Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader r) {}

        @Override
        public @Nullable InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream in) {}

        @Override
        public @Nullable String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String s) {}

        @Override
        public @Nullable String getSystemId() {
            return null;
        }

        @Override
        public void setSystemId(String s) {}

        @Override
        public @Nullable String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String s) {}

        @Override
        public @Nullable String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String s) {}

        @Override
        public @Nullable String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String s) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean b) {}
        // @formatter:on
    }
}
