set local role authenticated
