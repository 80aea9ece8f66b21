package cn.mingjie.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Mingjie (名界): place names and administrative boundaries for a district civil-affairs bureau. */
@SpringBootApplication(scanBasePackages = "cn.mingjie")
public class MingjieApplication {

    public static void main(String[] args) {
        SpringApplication.run(MingjieApplication.class, args);
    }
}
