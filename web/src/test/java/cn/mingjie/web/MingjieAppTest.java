package cn.mingjie.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Boots the whole application on the real sample data in a private PostGIS cluster that is created
 * afresh for the test JVM. All test classes share one context (and one load of the sample).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mingjie.postgres.state-dir=target/test-postgres", "mingjie.postgres.fresh=true"})
public @interface MingjieAppTest {}
