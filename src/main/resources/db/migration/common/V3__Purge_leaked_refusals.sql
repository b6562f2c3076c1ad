-- Earlier versions expanded @FILE arguments and read --flag=value smuggled in field names, and
-- their refusals could quote what they read (a service file, the environment). Those texts are
-- removed; the entries stay, with who, when and what was asked.
UPDATE ACE_AUDIT SET OUTCOME = 'refused: (reason removed on upgrade: it may have quoted a server file)'
 WHERE OUTCOME LIKE 'refused:%'
   AND OUTCOME <> 'refused: (reason removed on upgrade: it may have quoted a server file)'
   AND (SUBJECT LIKE '% @%' OR SUBJECT LIKE '% ''@%' OR SUBJECT LIKE '% --%=%' OR SUBJECT LIKE '% ''--%=%'
        OR OUTCOME LIKE '%got: %' OR OUTCOME LIKE '%malformed%');
