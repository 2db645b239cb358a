-- 0008: what a month close saw, by sequence rather than by clock: the last audit record (the close's own) and
-- the last statement imported. Reports of a closed month leave out whatever came after, even within the same
-- second. Closes made before this migration keep NULL and fall back to the close's time.

ALTER TABLE period_closes ADD COLUMN audit_seq INTEGER;
ALTER TABLE period_closes ADD COLUMN statement_id_through INTEGER;
