import GRDB

/// The versioned schema. Times are REAL seconds since 1970 (UTC); seeds are the UInt64 bit
/// pattern stored as a signed INTEGER (NULL = the original exam). Never edit a registered
/// migration: add the next one, and bump `Schema.version`.
enum Schema {
    /// `PRAGMA user_version` after all migrations; a file with a higher value is refused.
    static let version = 5
    /// `PRAGMA application_id` ("dlt1"), so another program's database is recognised.
    static let applicationID: Int32 = 0x646C_7431

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE quiz (
                        id INTEGER PRIMARY KEY,
                        started_at REAL NOT NULL,
                        ended_at REAL,
                        minutes INTEGER NOT NULL,
                        question_ids TEXT NOT NULL,      -- ids joined by a space
                        seed INTEGER,
                        feedback TEXT NOT NULL,
                        score REAL NOT NULL,
                        max_score REAL NOT NULL
                    );
                    CREATE INDEX quiz_started ON quiz(started_at);
                    CREATE TABLE quiz_step (
                        quiz_id INTEGER NOT NULL REFERENCES quiz(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        question_id TEXT NOT NULL,
                        step_id TEXT NOT NULL,
                        verdict TEXT,
                        score REAL NOT NULL,
                        max_score REAL NOT NULL,
                        PRIMARY KEY (quiz_id, position)
                    );
                    CREATE TABLE attempt (
                        id INTEGER PRIMARY KEY,
                        time REAL NOT NULL,
                        mode TEXT NOT NULL,
                        question_id TEXT NOT NULL,
                        step_id TEXT NOT NULL,
                        topic TEXT,
                        seed INTEGER,
                        input TEXT NOT NULL,
                        verdict TEXT NOT NULL,
                        mistake TEXT,
                        correct INTEGER NOT NULL,
                        seconds REAL,
                        quiz_id INTEGER                  -- quiz.id; no foreign key, so a bad id never stops saving
                    );
                    CREATE INDEX attempt_question ON attempt(question_id, seed, mode);
                    CREATE INDEX attempt_time ON attempt(time);
                    CREATE TABLE practice_position (
                        question_id TEXT PRIMARY KEY,
                        seed INTEGER,
                        step_index INTEGER NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    CREATE TABLE review_item (
                        question_id TEXT NOT NULL,
                        step_id TEXT NOT NULL,
                        easiness REAL NOT NULL,
                        repetitions INTEGER NOT NULL,
                        interval_days INTEGER NOT NULL,
                        due REAL NOT NULL,
                        last_reviewed REAL NOT NULL,
                        last_quality INTEGER NOT NULL,
                        PRIMARY KEY (question_id, step_id)
                    );
                    CREATE INDEX review_due ON review_item(due);
                    PRAGMA application_id = \(applicationID);
                    PRAGMA user_version = 1;
                    """)
        }
        // v2: drill results, for the best score per topic.
        m.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE drill (
                        id INTEGER PRIMARY KEY,
                        started_at REAL NOT NULL,
                        topic TEXT NOT NULL,
                        minutes REAL NOT NULL,
                        score INTEGER NOT NULL,
                        tried INTEGER NOT NULL
                    );
                    CREATE INDEX drill_topic ON drill(topic);
                    PRAGMA user_version = 2;
                    """)
        }
        // v3: what the student did beyond checked answers. Reveals (by key, automatic, before any
        // try) so a revealed step stays revealed after a restart; `after_attempt` is the highest
        // attempt id when the reveal was made, which orders reveals among checks even when both
        // carry the same time. Quizzes get a status (running, finished, abandoned) and a
        // checkpoint (elapsed seconds and the answers as JSON) so a killed quiz can be continued.
        // Quizzes an earlier dltutor left unfinished cannot be continued: they become abandoned.
        m.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE reveal (
                        id INTEGER PRIMARY KEY,
                        time REAL NOT NULL,
                        mode TEXT NOT NULL,
                        question_id TEXT NOT NULL,
                        step_id TEXT NOT NULL,
                        seed INTEGER,
                        reason TEXT NOT NULL,            -- 'key' or 'auto' (after N wrong tries)
                        after_attempt INTEGER NOT NULL   -- MAX(attempt.id) when revealed (0: none)
                    );
                    CREATE INDEX reveal_question ON reveal(question_id, seed, mode);
                    ALTER TABLE quiz ADD COLUMN status TEXT NOT NULL DEFAULT 'finished';
                    ALTER TABLE quiz ADD COLUMN elapsed REAL;
                    ALTER TABLE quiz ADD COLUMN checkpoint TEXT;
                    UPDATE quiz SET status = 'abandoned' WHERE ended_at IS NULL;
                    PRAGMA user_version = 3;
                    """)
        }
        // v4: small facts about the student that are not progress, e.g. that the first-run tour
        // was seen (`tour_seen`), so it is shown once per database.
        m.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    PRAGMA user_version = 4;
                    """)
        }
        // v5: a quiz's time limit is a real number of minutes (`--minutes 12.5` was stored as 13).
        // SQLite cannot change a column's type, so the table is rebuilt (the migrator turns
        // foreign keys off meanwhile, so `quiz_step` rows survive the DROP) and its index made again.
        m.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE quiz_v5 (
                        id INTEGER PRIMARY KEY,
                        started_at REAL NOT NULL,
                        ended_at REAL,
                        minutes REAL NOT NULL,
                        question_ids TEXT NOT NULL,
                        seed INTEGER,
                        feedback TEXT NOT NULL,
                        score REAL NOT NULL,
                        max_score REAL NOT NULL,
                        status TEXT NOT NULL DEFAULT 'finished',
                        elapsed REAL,
                        checkpoint TEXT
                    );
                    INSERT INTO quiz_v5 SELECT id, started_at, ended_at, CAST(minutes AS REAL), question_ids, seed, feedback,
                        score, max_score, status, elapsed, checkpoint FROM quiz;
                    DROP TABLE quiz;
                    ALTER TABLE quiz_v5 RENAME TO quiz;
                    CREATE INDEX quiz_started ON quiz(started_at);
                    PRAGMA user_version = 5;
                    """)
        }
        return m
    }
}
