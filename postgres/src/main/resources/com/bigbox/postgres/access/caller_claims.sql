select set_config('request.jwt.claims', ?, true)
