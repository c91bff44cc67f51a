delete from sop_definitions
