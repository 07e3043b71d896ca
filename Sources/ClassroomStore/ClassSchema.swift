import PostgresNIO

/// The class schema and its versioned migrations (like the SQLite store's): each migration runs
/// once, in order, in one transaction with the version bump, under an advisory lock so two
/// `class init`s cannot race. A database written by a newer dltutor is refused with both versions.
///
/// Security lives in the schema (grants, row-level security and functions), so it holds for any
/// client, not only for dltutor: since v3 (`ClassSchema+Authority.swift`) a student's login role
/// is a member of the class's own `dltutor-DB-students`, which may read its own rows but no seed,
/// and writes only through functions that stamp the student and the server's clock and refuse
/// answers after a quiz's deadline (30 s grace for the last automatic submit) or `quiz close`.
public enum ClassSchema {
    public static let version = 3

    static let migrations: [[String]] = [v1, v2, v3]

    /// The live demo's full cue: its variant, the open step's number and every step's reveal, so a
    /// student who joins late sees exactly what the class has seen, and no more.
    static let v2: [String] = [
        """
        ALTER TABLE demo_state ADD COLUMN seed bigint, ADD COLUMN step_index int NOT NULL DEFAULT 0,
          ADD COLUMN revealed_steps text NOT NULL DEFAULT ''
        """
    ]

    static let v1: [String] = [
        """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dltutor_student') THEN
            CREATE ROLE dltutor_student NOLOGIN;
          END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- another class's init made it just now
        END $$
        """,
        """
        CREATE TABLE student (
          id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,40}$'),
          name text NOT NULL,
          ssh_key text NOT NULL DEFAULT '',
          db_role text UNIQUE,
          added_at timestamptz NOT NULL DEFAULT clock_timestamp())
        """,
        """
        CREATE TABLE activity (
          name text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,40}$'),
          kind text NOT NULL CHECK (kind IN ('quiz', 'demo')),
          exam text NOT NULL,
          questions text NOT NULL DEFAULT '',
          minutes float8 NOT NULL DEFAULT 0,
          same_variant boolean NOT NULL DEFAULT false,
          seed bigint,
          started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
          deadline timestamptz,
          closed_at timestamptz)
        """,
        """
        CREATE TABLE enrolment (
          activity text NOT NULL REFERENCES activity ON DELETE CASCADE,
          student text NOT NULL REFERENCES student ON DELETE CASCADE,
          seed bigint,
          joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
          last_seen timestamptz NOT NULL DEFAULT clock_timestamp(),
          checkpoint text,
          finished_at timestamptz,
          score float8,
          max_score float8,
          result text,
          PRIMARY KEY (activity, student))
        """,
        """
        CREATE TABLE answer (
          id bigserial PRIMARY KEY,
          activity text NOT NULL REFERENCES activity ON DELETE CASCADE,
          student text NOT NULL REFERENCES student ON DELETE CASCADE,
          question text NOT NULL,
          step text NOT NULL,
          seed bigint,
          input text NOT NULL,
          verdict text NOT NULL,
          mistake text,
          correct boolean NOT NULL,
          seconds float8 NOT NULL DEFAULT 0,
          checked_at timestamptz NOT NULL DEFAULT clock_timestamp())
        """,
        "CREATE INDEX answer_activity ON answer (activity, student, question, step, id)",
        // The live demo: the step the instructor has open, and whether it is revealed.
        """
        CREATE TABLE demo_state (
          activity text PRIMARY KEY REFERENCES activity ON DELETE CASCADE,
          question text NOT NULL,
          step text NOT NULL,
          revealed boolean NOT NULL DEFAULT false,
          opened_at timestamptz NOT NULL DEFAULT clock_timestamp())
        """,
        // Who logged in, as a student id (NULL for the instructor and front ends). SECURITY
        // DEFINER so the policy on `student` can use it; inside it current_user is the owner, so
        // it reads session_user, the role that logged in.
        """
        CREATE FUNCTION dltutor_me() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
          AS $$ SELECT id FROM student WHERE db_role = session_user $$
        """,
        // A student's variant is chosen by the server, not by the client.
        """
        CREATE FUNCTION dltutor_enrol() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE a activity;
        BEGIN
          SELECT * INTO a FROM activity WHERE name = NEW.activity;
          IF a.same_variant OR a.kind = 'demo' THEN NEW.seed := a.seed;
          ELSE NEW.seed := abs(hashtext(coalesce(a.seed, 0)::text || ':' || NEW.student)) % 999999 + 1;
          END IF;
          NEW.joined_at := clock_timestamp();
          RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER enrolment_seed BEFORE INSERT ON enrolment FOR EACH ROW EXECUTE FUNCTION dltutor_enrol()",
        // Answers carry the server's time and are refused once a quiz is over.
        """
        CREATE FUNCTION dltutor_answer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE a activity;
        BEGIN
          SELECT * INTO a FROM activity WHERE name = NEW.activity;
          NEW.checked_at := clock_timestamp();
          IF a.closed_at IS NOT NULL OR (a.deadline IS NOT NULL AND NEW.checked_at > a.deadline + interval '30 seconds') THEN
            RAISE EXCEPTION 'the % "%" is over; answers are no longer accepted', a.kind, a.name USING ERRCODE = '42501';
          END IF;
          PERFORM pg_notify('dltutor_' || NEW.activity, 'answer');
          RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER answer_checked BEFORE INSERT ON answer FOR EACH ROW EXECUTE FUNCTION dltutor_answer()",
        """
        CREATE FUNCTION dltutor_demo_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('dltutor_' || NEW.activity, 'step');
          RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER demo_changed AFTER INSERT OR UPDATE ON demo_state FOR EACH ROW EXECUTE FUNCTION dltutor_demo_notify()",
        // Row-level security for students' own login roles.
        "ALTER TABLE student ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE enrolment ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE answer ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY own_student ON student FOR SELECT TO dltutor_student USING (id = dltutor_me())",
        "CREATE POLICY own_enrolment_read ON enrolment FOR SELECT TO dltutor_student USING (student = dltutor_me())",
        "CREATE POLICY own_enrolment_add ON enrolment FOR INSERT TO dltutor_student WITH CHECK (student = dltutor_me())",
        "CREATE POLICY own_enrolment_save ON enrolment FOR UPDATE TO dltutor_student USING (student = dltutor_me()) WITH CHECK (student = dltutor_me())",
        "CREATE POLICY own_answer_read ON answer FOR SELECT TO dltutor_student USING (student = dltutor_me())",
        "CREATE POLICY own_answer_add ON answer FOR INSERT TO dltutor_student WITH CHECK (student = dltutor_me())",
        "GRANT SELECT ON activity, demo_state TO dltutor_student",
        "GRANT SELECT ON student TO dltutor_student",
        "GRANT SELECT, INSERT ON enrolment, answer TO dltutor_student",
        "GRANT UPDATE (checkpoint, last_seen, finished_at, score, max_score, result) ON enrolment TO dltutor_student",
        "GRANT USAGE ON SEQUENCE answer_id_seq TO dltutor_student"
    ]

    /// Creates or migrates the schema; returns (before, after) versions.
    @discardableResult
    public static func migrate(_ db: ClassDatabase) async throws(ClassError) -> (from: Int, to: Int) {
        try await db.query(
            "CREATE TABLE IF NOT EXISTS dltutor_class_schema (version int NOT NULL)", doing: "create the schema table")
        let current = try await installedVersion(db)
        if current > version {
            throw ClassError(
                "the class database was written by a newer dltutor (schema \(current); this one knows \(version)); nothing was changed."
            )
        }
        var v = current
        while v < version {
            let steps = migrations[v].map { PostgresQuery(unsafeSQL: $0) }
            let next = v + 1
            var all: [PostgresQuery] = ["SELECT pg_advisory_xact_lock(5202)"]
            all += steps
            all.append("DELETE FROM dltutor_class_schema")
            all.append("INSERT INTO dltutor_class_schema VALUES (\(next))")
            try await db.transaction(all, doing: "migrate the class schema to version \(next)")
            v = next
        }
        return (current, v)
    }

    public static func installedVersion(_ db: ClassDatabase) async throws(ClassError) -> Int {
        let rows = try await db.query(
            "SELECT coalesce(max(version), 0) FROM dltutor_class_schema", doing: "read the schema version")
        return (try? rows.first?.decode(Int.self)) ?? 0
    }

    /// Refuses to work on a database that is missing the schema or is newer.
    public static func check(_ db: ClassDatabase) async throws(ClassError) {
        let rows = try await db.query("SELECT to_regclass('dltutor_class_schema') IS NOT NULL", doing: "read the schema version")
        guard (try? rows.first?.decode(Bool.self)) == true else {
            throw ClassError("this database has no class yet; run `dltutor class init --db URL` first.")
        }
        let v = try await installedVersion(db)
        if v > version {
            throw ClassError("the class database was written by a newer dltutor (schema \(v); this one knows \(version)).")
        }
        if v < version {
            throw ClassError("the class database has schema \(v); run `dltutor class init` to upgrade it to \(version).")
        }
    }
}
