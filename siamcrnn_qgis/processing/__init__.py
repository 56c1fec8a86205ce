"""The Processing provider ``siamcrnn`` and its algorithms (one module each under ``algorithms/``)."""
