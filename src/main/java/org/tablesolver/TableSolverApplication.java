package org.tablesolver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TableSolverApplication {

    public static void main(String[] args) {
        SpringApplication.run(TableSolverApplication.class, args);
    }
}
