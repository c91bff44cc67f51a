insert into human_approval_comments (comment_id, approval_id, client_id, author, body, created_at)
values (?, ?, ?, ?, ?, ?)
on conflict (comment_id) do nothing
