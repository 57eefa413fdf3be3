// Placeholder: the one-click confirmation lands in the next commit.
