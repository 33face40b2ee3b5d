package org.lodestone.licensing.evidence;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.time.Clock;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.ContributorAccess;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.lodestone.licensing.evidence.store.FilesystemDocumentStorage;
import org.lodestone.licensing.evidence.store.SealedRecords;
import org.lodestone.protection.Protection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Wires evidence documents. The storage root is resolved once ({@code lodestone.data-dir} may hold a random part in
 * tests). The servlet multipart configuration is set here, from {@code lodestone.evidence.max-size}, because uploads
 * of evidence are the only multipart requests: parts are spooled to disk from the first byte (threshold 0, so memory
 * stays flat whatever the size) in the storage's own temp directory, which the startup cleanup empties after a crash.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
@EnableScheduling
class EvidenceConfiguration {

    /** Room for the other multipart fields and boundaries on top of the file itself. */
    static final long MULTIPART_OVERHEAD = 1024 * 1024;

    private final EvidenceProperties properties;
    private final Environment environment;
    private final Path root;

    EvidenceConfiguration(EvidenceProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.root = (properties.storageDir() != null
                        ? properties.storageDir()
                        : Path.of(environment.getProperty("lodestone.data-dir", "./data"), "documents"))
                .toAbsolutePath()
                .normalize();
    }

    @Bean
    @ConditionalOnMissingBean(DocumentStorage.class)
    DocumentStorage documentStorage(Protection protection) {
        return new FilesystemDocumentStorage(root, protection);
    }

    /**
     * Moves evidence blobs of the layout before encryption at rest (#6: plaintext, shared between applications) into
     * their applications' encrypted places at start-up, then deletes the plaintext copies.
     */
    @Bean
    SmartInitializingSingleton adoptLegacyBlobs(DocumentStorage storage, DocumentRecords records) {
        return () -> {
            if (!(storage instanceof FilesystemDocumentStorage filesystem)) {
                return;
            }
            try {
                int adopted = 0;
                var hashes = new java.util.HashSet<String>();
                for (DocumentStorage.BlobRef blob : records.allBlobs()) {
                    if (filesystem.adoptLegacy(blob.application(), blob.sha256())) {
                        adopted++;
                    }
                    hashes.add(blob.sha256());
                }
                for (String sha256 : hashes) {
                    filesystem.removeLegacy(sha256);
                }
                if (adopted > 0) {
                    org.slf4j.LoggerFactory.getLogger(EvidenceConfiguration.class)
                            .warn("Encrypted {} evidence blob(s) stored in clear by a version before #6", adopted);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot move legacy evidence blobs", e);
            }
        };
    }

    @Bean
    MultipartConfigElement multipartConfigElement() {
        Path spool = FilesystemDocumentStorage.incomingDirectory(root);
        // The container's limit is the larger of evidence's and screening list uploads' (2 GB by default); evidence
        // keeps its own limit through UploadSizeGuard (declared length) and the storage (streamed bytes).
        long max = Math.max(
                properties.maxSize().toBytes(),
                environment
                        .getProperty("lodestone.screening.lists.max-size", DataSize.class, DataSize.ofGigabytes(2))
                        .toBytes());
        return new MultipartConfigElement(spool.toString(), max, max + MULTIPART_OVERHEAD, 0);
    }

    /**
     * Parts are parsed when the controller asks for them, not before the handler is chosen, so a part over the limit
     * is refused inside the evidence controller (a 413 problem naming {@code file}) rather than before any handler.
     */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        var resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    @Bean
    FilterRegistrationBean<UploadSizeGuard> evidenceUploadSizeGuard() {
        var registration = new FilterRegistrationBean<>(new UploadSizeGuard(
                properties.maxSize().toBytes() + MULTIPART_OVERHEAD,
                FilesystemDocumentStorage.incomingDirectory(root)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/applications/*", "/api/v1/applications/*", "/contributions/*");
        return registration;
    }

    @Bean
    ContentTypes evidenceContentTypes() {
        return ContentTypes.fromClasspath();
    }

    /**
     * {@code access} is a lazy proxy: the application aggregate reads this catalogue for its completeness check while
     * evidence asks the aggregate who may do what, and the proxy breaks that construction cycle.
     */
    @Bean
    Evidence evidence(
            @Lazy ApplicationAccess access,
            @Lazy ContributorAccess contributors,
            SealedRecords sealed,
            DocumentStorage storage,
            ContentTypes contentTypes,
            DocumentRecords records,
            AuditTrail audit,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock,
            ObjectProvider<DocumentVisibility> visibility) {
        Clock c = clock.getIfAvailable(Clock::systemUTC);
        var uploads = new Uploads(storage, contentTypes, records, audit, transactions, c);
        var evidence = new Evidence(
                access,
                uploads,
                records,
                storage,
                audit,
                transactions,
                contentTypes,
                properties.maxSize().toBytes(),
                c,
                new Sealing(contributors, sealed));
        // Looked up lazily: the narrowing beans (redaction) use Evidence themselves.
        evidence.narrowedBy(java.util.List.of(new LazyVisibility(visibility)));
        return evidence;
    }

    /** Resolves the visibility beans on first use, after the context is up. */
    private record LazyVisibility(ObjectProvider<DocumentVisibility> beans) implements DocumentVisibility {
        @Override
        public Verdict of(
                EvidenceDocument document,
                org.lodestone.licensing.application.ApplicationSummary application,
                org.lodestone.identity.CurrentUser user) {
            Verdict result = Verdict.VISIBLE;
            for (DocumentVisibility v : beans.orderedStream().toList()) {
                Verdict verdict = v.of(document, application, user);
                if (verdict.compareTo(result) > 0) {
                    result = verdict;
                }
            }
            return result;
        }
    }

    @Bean
    DocumentsGarbage documentsGarbage(DocumentStorage storage, DocumentRecords records, ObjectProvider<Clock> clock) {
        return new DocumentsGarbage(storage, records, properties.garbageAge(), clock.getIfAvailable(Clock::systemUTC));
    }
}
