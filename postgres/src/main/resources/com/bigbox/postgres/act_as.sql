-- Names the person behind the transaction's next changes, for the audit triggers.
select set_config('bigbox.actor', ?, true)
