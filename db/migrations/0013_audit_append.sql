-- Appends one audit row in one statement: take the chain lock, read the head, hash, insert.
-- The writer (server/audit/record.ts) sends the row's canonical JSON split around its seq
-- (server/audit/chain.ts chainBody); the hash is sha256(prev_hash "\n" before seq after),
-- byte for byte what rowHash computes, so `npm run audit:verify` checks these rows as before.
-- Holding the lock for one statement instead of four round trips is what lets card views
-- and registrations of every instance pass it quickly (BENCHMARKS.md, bench:load).
-- A plpgsql function, not one SQL statement: in READ COMMITTED each statement inside a
-- volatile function takes a fresh snapshot, so the head is read after the lock is held.
CREATE FUNCTION audit_append(p_row jsonb, p_details jsonb, p_before text, p_after text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7402001);
  SELECT seq, hash INTO head_seq, head_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  head_seq := coalesce(head_seq, 0) + 1;
  head_hash := coalesce(head_hash, repeat('0', 64));
  INSERT INTO audit_log (seq, at, actor_code, actor_role, action, entity_type, entity_id, subject_code, purpose, outcome, request_id, details, prev_hash, hash)
  VALUES (
    head_seq,
    (p_row->>'at')::timestamptz,
    p_row->>'actorCode',
    p_row->>'actorRole',
    p_row->>'action',
    p_row->>'entityType',
    p_row->>'entityId',
    p_row->>'subjectCode',
    p_row->>'purpose',
    p_row->>'outcome',
    p_row->>'requestId',
    CASE WHEN jsonb_typeof(p_details) = 'object' THEN p_details END,
    head_hash,
    encode(sha256(convert_to(head_hash || E'\n' || p_before || head_seq::text || p_after, 'UTF8')), 'hex')
  );
  RETURN head_seq;
END;
$$;
