"""Scenario guides (场景式服务): question-driven, step-by-step guides across departments. Models arrive with their issue."""
