from tests.store.fixtures import cheap_argon2, db_url, engine  # noqa: F401
