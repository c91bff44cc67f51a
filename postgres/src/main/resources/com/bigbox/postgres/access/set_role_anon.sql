set local role anon
