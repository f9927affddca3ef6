"""A per-installation development secret key, so that no secret is ever committed."""

import secrets
from pathlib import Path


def development_secret_key(data_dir: Path) -> str:
    """Read (or create once) a random key in DATA_DIR/secret_key."""
    path = Path(data_dir) / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key
