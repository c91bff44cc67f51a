-- Every pooled session: a transaction left open (a crashed caller, a forgotten commit) ends after a minute
-- instead of holding its locks and the feed's horizon.
set idle_in_transaction_session_timeout = '60s'
