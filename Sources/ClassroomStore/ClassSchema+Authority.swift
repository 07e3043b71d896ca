/// Schema v3: the server is the only authority for a grade.
///
/// - A student's role writes nothing that decides a grade: answers, checkpoints and the hand-in
///   go through functions (`dltutor_submit`, `dltutor_checkpoint`, `dltutor_hand_in`) that stamp
///   the student (`dltutor_actor`) and the server's time, and refuse anything after the deadline
///   or `quiz close`; no student role may INSERT, UPDATE or DELETE a table, and a trigger refuses
///   a change of `seed`, `finished_at`, `score`, `max_score` or `result` by anyone but the owner.
/// - What reproduces a variant's key stays with the instructor: a student's variant is derived
///   from a per-class secret (`class_secret`, readable by the owner only); no student role may
///   read a seed column, a checkpoint (it holds the seed) or another student's rows. Joining
///   (`dltutor_join`) returns the student's own variant, and refuses a student's own role when the
///   quiz is `ssh_only`.
/// - Each class has its own group roles, `dltutor-DB-students` and `dltutor-DB-frontend` (the SSH
///   front end's login, which may act for any student on the roster and for nothing else), and
///   only they (and the owner) may connect to the class database.
/// - One session per student: joining stamps the backend's pid; a write from another backend is
///   refused while that session is alive (`dltutor_session`), so a second join takes over, and
///   the earlier session, which asks every 2 s (`dltutor_holds_session`), ends itself.
extension ClassSchema {
    static let v3: [String] = [
        // The per-class secret: 256 random bits, readable by the owner only.
        "CREATE TABLE class_secret (secret text NOT NULL)",
        "INSERT INTO class_secret VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))",
        "REVOKE ALL ON class_secret FROM PUBLIC",
        "ALTER TABLE activity ADD COLUMN ssh_only boolean NOT NULL DEFAULT false",
        "ALTER TABLE enrolment ADD COLUMN session_pid int",
        // A removed student keeps their answers (and their row) unless purged; they log in no more.
        "ALTER TABLE student ADD COLUMN removed_at timestamptz",
        // The names of this class's group roles (role names are cluster-wide, so they carry the
        // database's name; the hyphen keeps them apart from students' roles, which have none).
        """
        CREATE FUNCTION dltutor_group(kind text) RETURNS text LANGUAGE sql STABLE
          AS $$ SELECT 'dltutor-' || current_database() || '-' || kind $$
        """,
        """
        CREATE FUNCTION dltutor_is_owner() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
          AS $$ SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.activity'::regclass), 'MEMBER') $$
        """,
        // Who an answer, checkpoint or hand-in is for: a student's own role is that student
        // whatever it asks; the front end and the owner may act for anyone on the roster.
        """
        CREATE FUNCTION dltutor_actor(p_student text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
          SET search_path = public AS $$
        DECLARE me text := dltutor_me();
        BEGIN
          IF me IS NOT NULL THEN
            IF p_student IS NOT NULL AND p_student <> me THEN
              RAISE EXCEPTION 'you may act only as yourself (%)', me USING ERRCODE = '42501';
            END IF;
            RETURN me;
          END IF;
          IF pg_has_role(session_user, dltutor_group('frontend'), 'MEMBER') OR dltutor_is_owner() THEN
            IF NOT EXISTS (SELECT 1 FROM student WHERE id = p_student AND removed_at IS NULL) THEN
              RAISE EXCEPTION '''%'' is not on the roster', p_student USING ERRCODE = '42501';
            END IF;
            RETURN p_student;
          END IF;
          RAISE EXCEPTION 'this login is not a student of this class' USING ERRCODE = '42501';
        END $$
        """,
        // A student's variant: from the class secret, the quiz and the student, on the server.
        """
        CREATE OR REPLACE FUNCTION dltutor_enrol() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE a activity; digest text;
        BEGIN
          SELECT * INTO a FROM activity WHERE name = NEW.activity;
          IF a.same_variant OR a.kind = 'demo' THEN NEW.seed := a.seed;
          ELSE
            digest := encode(sha256(convert_to((SELECT secret FROM class_secret LIMIT 1) || ':' || a.name || ':'
              || coalesce(a.seed, 0)::text || ':' || NEW.student, 'UTF8')), 'hex');
            NEW.seed := ('x' || substr(digest, 1, 12))::bit(48)::bigint % 999999 + 1;
          END IF;
          NEW.joined_at := clock_timestamp();
          NEW.finished_at := NULL; NEW.score := NULL; NEW.max_score := NULL; NEW.result := NULL;
          RETURN NEW;
        END $$
        """,
        // Only the owner changes what decides a grade, whatever a grant says.
        """
        CREATE FUNCTION dltutor_enrolment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (NEW.seed, NEW.finished_at, NEW.score, NEW.max_score, NEW.result)
              IS DISTINCT FROM (OLD.seed, OLD.finished_at, OLD.score, OLD.max_score, OLD.result)
             AND NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.enrolment'::regclass), 'MEMBER') THEN
            RAISE EXCEPTION 'only the instructor may change a variant, a hand-in or a grade' USING ERRCODE = '42501';
          END IF;
          RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER enrolment_guard BEFORE UPDATE ON enrolment FOR EACH ROW EXECUTE FUNCTION dltutor_enrolment_guard()",
        // One live session per student: the pid stamped by the latest join; a write from another
        // backend is refused while that one is alive, and adopts the enrolment once it is gone
        // (a reconnect after a dropped connection).
        """
        CREATE FUNCTION dltutor_session(p_activity text, p_student text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
          SET search_path = public AS $$
        DECLARE holder int;
        BEGIN
          SELECT session_pid INTO holder FROM enrolment WHERE activity = p_activity AND student = p_student FOR UPDATE;
          IF NOT FOUND THEN
            RAISE EXCEPTION '% has not joined %', p_student, p_activity USING ERRCODE = '42501';
          END IF;
          IF holder IS NOT DISTINCT FROM pg_backend_pid() OR dltutor_is_owner() THEN RETURN; END IF;
          IF holder IS NOT NULL AND EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = holder) THEN
            RAISE EXCEPTION '% was opened in another session; this one no longer saves', p_activity USING ERRCODE = '42501';
          END IF;
          UPDATE enrolment SET session_pid = pg_backend_pid() WHERE activity = p_activity AND student = p_student;
        END $$
        """,
        """
        CREATE FUNCTION dltutor_open(p_activity text) RETURNS activity LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE a activity;
        BEGIN
          SELECT * INTO a FROM activity WHERE name = p_activity;
          IF NOT FOUND THEN RAISE EXCEPTION 'there is no quiz or demo called ''%''', p_activity USING ERRCODE = '42704'; END IF;
          IF a.closed_at IS NOT NULL OR (a.deadline IS NOT NULL AND clock_timestamp() > a.deadline + interval '30 seconds') THEN
            RAISE EXCEPTION 'the % "%" is over; answers are no longer accepted', a.kind, a.name USING ERRCODE = '42501';
          END IF;
          RETURN a;
        END $$
        """,
        // Joining: the server picks the variant on the first join and returns it with the
        // checkpoint; the pid of a session this one takes over (nil if none) comes back too.
        """
        CREATE FUNCTION dltutor_join(p_activity text, p_student text)
          RETURNS TABLE (variant_seed bigint, saved_checkpoint text, handed_in boolean, previous_pid int)
          LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE who text := dltutor_actor(p_student); a activity; e enrolment; prev int;
        BEGIN
          SELECT * INTO a FROM activity WHERE name = p_activity;
          IF NOT FOUND THEN RAISE EXCEPTION 'there is no quiz or demo called ''%''', p_activity USING ERRCODE = '42704'; END IF;
          IF a.ssh_only AND dltutor_me() IS NOT NULL THEN
            RAISE EXCEPTION '% is taken on the class server only: log in there with ssh', a.name USING ERRCODE = '42501';
          END IF;
          INSERT INTO enrolment (activity, student) VALUES (p_activity, who) ON CONFLICT DO NOTHING;
          SELECT * INTO e FROM enrolment WHERE activity = p_activity AND student = who FOR UPDATE;
          prev := e.session_pid;
          UPDATE enrolment SET last_seen = clock_timestamp(), session_pid = pg_backend_pid()
            WHERE activity = p_activity AND student = who;
          IF prev = pg_backend_pid() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = prev) THEN prev := NULL; END IF;
          RETURN QUERY SELECT e.seed, e.checkpoint, e.finished_at IS NOT NULL, prev;
        END $$
        """,
        // Whether this connection still holds the student's session (a newer join took over when
        // not; a holder that is gone, as after a dropped connection, does not count).
        """
        CREATE FUNCTION dltutor_holds_session(p_activity text, p_student text) RETURNS boolean LANGUAGE sql STABLE
          SECURITY DEFINER SET search_path = public AS $$
          SELECT coalesce((SELECT e.session_pid IS NOT DISTINCT FROM pg_backend_pid()
                   OR NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = e.session_pid)
                 FROM enrolment e WHERE e.activity = p_activity AND e.student = dltutor_actor(p_student)), true)
        $$
        """,
        // An answer: the student is who logged in (or whom the front end names), the variant and
        // the time are the server's; nothing after the deadline, `quiz close` or the hand-in.
        """
        CREATE FUNCTION dltutor_submit(p_activity text, p_student text, p_question text, p_step text, p_input text,
          p_verdict text, p_mistake text, p_correct boolean, p_seconds float8)
          RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE who text := dltutor_actor(p_student); a activity := dltutor_open(p_activity); e enrolment;
        BEGIN
          PERFORM dltutor_session(p_activity, who);
          SELECT * INTO e FROM enrolment WHERE activity = p_activity AND student = who;
          IF a.kind = 'quiz' AND e.finished_at IS NOT NULL THEN
            RAISE EXCEPTION 'you have handed in %; answers are no longer accepted', a.name USING ERRCODE = '42501';
          END IF;
          INSERT INTO answer (activity, student, question, step, seed, input, verdict, mistake, correct, seconds)
            VALUES (p_activity, who, p_question, p_step, e.seed, p_input, p_verdict, p_mistake, p_correct,
                    greatest(coalesce(p_seconds, 0), 0));
        END $$
        """,
        """
        CREATE FUNCTION dltutor_checkpoint(p_activity text, p_student text, p_checkpoint text)
          RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE who text := dltutor_actor(p_student);
        BEGIN
          PERFORM dltutor_session(p_activity, who);
          UPDATE enrolment SET checkpoint = p_checkpoint, last_seen = clock_timestamp()
            WHERE activity = p_activity AND student = who AND finished_at IS NULL;
        END $$
        """,
        """
        CREATE FUNCTION dltutor_hand_in(p_activity text, p_student text)
          RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE who text := dltutor_actor(p_student);
        BEGIN
          PERFORM dltutor_session(p_activity, who);
          UPDATE enrolment SET finished_at = coalesce(finished_at, clock_timestamp()), last_seen = clock_timestamp()
            WHERE activity = p_activity AND student = who;
        END $$
        """,
        // Privileges: the shared group of v1 loses everything here; the class's own groups get
        // reads of what a student may see and the functions, nothing else.
        "DROP POLICY own_student ON student",
        "DROP POLICY own_enrolment_read ON enrolment",
        "DROP POLICY own_enrolment_add ON enrolment",
        "DROP POLICY own_enrolment_save ON enrolment",
        "DROP POLICY own_answer_read ON answer",
        "DROP POLICY own_answer_add ON answer",
        "REVOKE ALL ON student, activity, enrolment, answer, demo_state FROM dltutor_student",
        "REVOKE ALL ON SEQUENCE answer_id_seq FROM dltutor_student",
        "ALTER TABLE activity ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE demo_state ENABLE ROW LEVEL SECURITY",
        """
        DO $$
        DECLARE g text := dltutor_group('students'); f text := dltutor_group('frontend'); r record;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', g); END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = f) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', f); END IF;
          FOR r IN SELECT s.db_role FROM student s JOIN pg_roles p ON p.rolname = s.db_role LOOP
            EXECUTE format('GRANT %I TO %I', g, r.db_role);
            EXECUTE format('REVOKE dltutor_student FROM %I', r.db_role);
            EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 3', r.db_role);
          END LOOP;
          EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
          EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), g, f);
          EXECUTE format('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
          EXECUTE format('CREATE POLICY class_student ON student FOR SELECT TO %I USING (id = dltutor_me())', g);
          EXECUTE format('CREATE POLICY class_enrolment ON enrolment FOR SELECT TO %I USING (student = dltutor_me())', g);
          EXECUTE format('CREATE POLICY class_answer ON answer FOR SELECT TO %I USING (student = dltutor_me())', g);
          EXECUTE format('CREATE POLICY class_activity ON activity FOR SELECT TO %I, %I USING (true)', g, f);
          EXECUTE format('CREATE POLICY class_demo ON demo_state FOR SELECT TO %I, %I USING (true)', g, f);
          EXECUTE format('GRANT SELECT (id, name) ON student TO %I', g);
          EXECUTE format('GRANT SELECT (name, kind, exam, questions, minutes, same_variant, ssh_only, started_at, deadline, closed_at)
            ON activity TO %I, %I', g, f);
          EXECUTE format('GRANT SELECT (activity, student, joined_at, last_seen, finished_at) ON enrolment TO %I', g);
          EXECUTE format('GRANT SELECT (id, activity, student, question, step, input, verdict, mistake, correct, seconds, checked_at)
            ON answer TO %I', g);
          EXECUTE format('GRANT SELECT ON demo_state, dltutor_class_schema TO %I, %I', g, f);
          EXECUTE format('GRANT EXECUTE ON FUNCTION dltutor_join(text, text), dltutor_submit(text, text, text, text, text, text,
            text, boolean, float8), dltutor_checkpoint(text, text, text), dltutor_hand_in(text, text), dltutor_holds_session(text, text) TO %I, %I', g, f);
        END $$
        """,
        """
        REVOKE EXECUTE ON FUNCTION dltutor_join(text, text), dltutor_submit(text, text, text, text, text, text, text, boolean,
          float8), dltutor_checkpoint(text, text, text), dltutor_hand_in(text, text), dltutor_session(text, text),
          dltutor_actor(text), dltutor_open(text), dltutor_holds_session(text, text) FROM PUBLIC
        """
    ]
}
