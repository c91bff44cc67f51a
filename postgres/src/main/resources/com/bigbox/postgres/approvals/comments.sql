select comment_id, approval_id, author, body, created_at from human_approval_comments
 where approval_id = ? order by seq
