UPDATE "public"."habits" SET "v" = CAST('v' AS text) WHERE "id" = CAST('7' AS integer);
